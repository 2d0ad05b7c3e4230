import { i18n } from '#i18n';
import type { CSSProperties, ReactNode } from 'react';
import { boxedOption, type BoundCell, type BoundOptions, type BoundValue, type FilledForm, type FormProblem } from '@/lib/forms';
import { problemText } from './problems';

/**
 * The filled form as the notice prints it: one table on the layout's grid, every label verbatim. Marks for the
 * teacher (blank cells, 字数, problems) carry the `screen-only` class and never reach the printed sheet.
 */
export function FormSheet({ form }: { form: FilledForm }) {
  const { layout } = form;
  const total = layout.columns.reduce((sum, width) => sum + width, 0);
  return (
    <article
      className="sheet"
      data-testid="form-sheet"
      data-form={layout.id}
      data-pages={layout.pages}
      aria-label={`${layout.annex} ${layout.title}`}
      style={{ '--form-font-pt': `${layout.fontPt}pt` } as CSSProperties}
    >
      <p className="sheet__annex">{layout.annex}</p>
      <h1 className="sheet__title">{layout.title}</h1>
      {layout.subtitle && <p className="sheet__subtitle">{layout.subtitle}</p>}
      {layout.note && <p className="sheet__note">{layout.note}</p>}
      <table className="sheet__table">
        <colgroup>
          {layout.columns.map((width, i) => <col key={i} style={{ width: `${(width / total) * 100}%` }} />)}
        </colgroup>
        <tbody>
          {form.rows.map((row, r) => {
            const heights = row.cells.map((cell) => ('minHeightMm' in cell.cell ? cell.cell.minHeightMm ?? 0 : 0));
            const minMm = Math.max(row.minHeightMm ?? 0, ...heights);
            return (
              <tr key={r} style={minMm > 0 ? { height: `${minMm}mm` } : undefined}>
                {row.cells.map((cell, c) => <SheetCell key={c} bound={cell} />)}
              </tr>
            );
          })}
        </tbody>
      </table>
      {layout.footer.map((line, i) => <p key={i} className="sheet__footer">{line}</p>)}
    </article>
  );
}

function spans(bound: BoundCell) {
  return {
    ...(bound.cell.colSpan > 1 ? { colSpan: bound.cell.colSpan } : {}),
    ...(bound.cell.rowSpan > 1 ? { rowSpan: bound.cell.rowSpan } : {}),
  };
}

function SheetCell({ bound }: { bound: BoundCell }) {
  switch (bound.kind) {
    case 'label':
      return <th className="cell cell--label" {...spans(bound)}>{bound.cell.text}</th>;
    case 'text':
      return (
        <td className={`cell cell--text${bound.cell.role ? ` cell--${bound.cell.role}` : ''}`} {...spans(bound)}>
          {bound.cell.paragraphs.map((line, i) => <p key={i}>{line === '' ? '\u00a0' : line}</p>)}
        </td>
      );
    case 'value':
      return <ValueCell bound={bound} />;
    case 'options':
      return <OptionsCell bound={bound} />;
  }
}

function cellClass(kind: string, bound: BoundValue | BoundOptions): string {
  const error = bound.problems.some((entry) => entry.severity === 'error');
  return ['cell', `cell--${kind}`, bound.missing ? 'cell--missing' : '', error ? 'cell--error' : ''].filter(Boolean).join(' ');
}

function ValueCell({ bound }: { bound: BoundValue }) {
  const { cell, text } = bound;
  const hint = cell.hint && (cell.hint.mode === 'keep' || text === '') ? cell.hint : undefined;
  const hintNode = hint && (
    <span className={`cell__hint cell__hint--${hint.mode}`}>{hint.text}</span>
  );
  const measure = bound.maxChars !== undefined
    ? i18n.t('forms.chars', [String(bound.chars ?? 0), String(bound.maxChars)])
    : bound.maxKeywords !== undefined ? i18n.t('forms.keywords', [String(bound.keywords ?? 0), String(bound.maxKeywords)]) : undefined;
  return (
    <td className={`${cellClass('value', bound)}${cell.minHeightMm ? ' cell--long' : ''}`} data-key={cell.key} {...spans(bound)}>
      {hint?.at !== 'after' && hintNode}
      {text !== '' && <span className="cell__value">{text}</span>}
      {hint?.at === 'after' && <> {hintNode}</>}
      {bound.missing && <span className="cell__missing screen-only">{i18n.t('forms.missingMark')}</span>}
      {measure !== undefined && (
        <span className={`cell__measure screen-only${bound.problems.some((p) => p.code === 'overLimit' || p.code === 'tooManyKeywords') ? ' is-over' : ''}`}>
          {measure}
        </span>
      )}
      <CellProblems problems={bound.problems} />
    </td>
  );
}

function OptionsCell({ bound }: { bound: BoundOptions }) {
  const { cell, ticked } = bound;
  const lines: ReactNode[][] = [];
  cell.options.forEach((option, i) => {
    if (lines.length === 0 || option.breakBefore) lines.push([]);
    lines[lines.length - 1]!.push(
      <span key={i} className={`box${ticked[i] ? ' box--ticked' : ''}`} data-ticked={ticked[i] ? 'true' : 'false'}>
        {boxedOption(cell, option, ticked[i])}
      </span>,
    );
  });
  return (
    <td className={cellClass('options', bound)} data-key={cell.key} {...spans(bound)}>
      {lines.map((line, i) => <div key={i} className="boxes">{line}</div>)}
      {cell.note && <div className="cell__note">{cell.note}</div>}
      {bound.missing && <span className="cell__missing screen-only">{i18n.t('forms.missingMark')}</span>}
      <CellProblems problems={bound.problems} />
    </td>
  );
}

function CellProblems({ problems }: { problems: readonly FormProblem[] }) {
  // A blank cell is already marked 未填; only the other problems are spelled out beside the field.
  const shown = problems.filter((entry) => entry.code !== 'missing');
  if (shown.length === 0) return null;
  return (
    <ul className="cell__problems screen-only">
      {shown.map((entry, i) => <li key={i} className={`problem problem--${entry.severity}`}>{problemText(entry)}</li>)}
    </ul>
  );
}
