import { z } from 'zod';
import { sourceSchema } from '@/lib/rules/schema';
import { placeCells } from './grid';

/*
 * A registration form (作品登记表, 案例信息表, 案例申报表) as data: a table on a grid of columns, row by row as the
 * notice prints it, every printed word kept verbatim. Next year's forms are a new layout file, not new JSX: the print
 * view, the DOCX writer and the binder all walk this one structure.
 */

const idSchema = z.string().regex(/^[a-z][a-z0-9_]*$/);

/** One person attribute the forms print (作者信息 / 联系信息 columns). */
export const PERSON_ATTRIBUTES = ['name', 'organization', 'title', 'mobile', 'landline', 'email', 'subject', 'grade',
  'schoolType', 'major'] as const;
export const personAttributeSchema = z.enum(PERSON_ATTRIBUTES);
export type FormPersonAttribute = z.infer<typeof personAttributeSchema>;

/**
 * Where a value comes from. A cell lists several; the first that yields text wins (a draft's own 学科 before the
 * first author's profile, for instance).
 */
export const valueSourceSchema = z.discriminatedUnion('from', [
  /** The draft's 作品名称. */
  z.object({ from: z.literal('title') }),
  /** A text the draft keeps under a rule-pack field id; the pack's rule gives its limits. */
  z.object({ from: z.literal('field'), id: idSchema }),
  /** 作品大小 in MB, totalled from the work files chosen for the category (the pack field's `sizeOf`). */
  z.object({ from: z.literal('size'), field: idSchema }),
  /** An author of the team, in order (0 = first author). */
  z.object({ from: z.literal('author'), index: z.number().int().min(0).max(2), attr: personAttributeSchema }),
  /** The team's 联系人. */
  z.object({ from: z.literal('contact'), attr: personAttributeSchema }),
]);
export type ValueSource = z.infer<typeof valueSourceSchema>;

/** Text the template prints inside a value cell ("（300字以内）", "MB", "@"). */
export const hintSchema = z.object({
  text: z.string().min(1),
  /**
   * `keep`: printed whether or not the cell is filled (a limit the reviewer should see, a unit such as MB).
   * `placeholder`: the template's instruction where the value goes; printed only while the cell is empty.
   */
  mode: z.enum(['keep', 'placeholder']),
  /** Before or after the value. */
  at: z.enum(['before', 'after']).default('before'),
});
export type Hint = z.infer<typeof hintSchema>;

const span = z.number().int().min(1).default(1);

const cellBase = {
  colSpan: span,
  rowSpan: span,
  align: z.enum(['left', 'center']).optional(),
};

/** Printed words: a row heading such as 作品名称 (line breaks as the template wraps them). */
export const labelCellSchema = z.object({ kind: z.literal('label'), text: z.string().min(1), ...cellBase });

/** Fixed text: 诚信承诺, signature and date lines, the unit's opinion and seal box. */
export const textCellSchema = z.object({
  kind: z.literal('text'),
  /** Paragraphs; spaces inside a paragraph are kept (signature lines are spaced with them). */
  paragraphs: z.array(z.string()).min(1),
  /** Room to leave for a hand-written signature, opinion or seal, in millimetres. */
  minHeightMm: z.number().positive().optional(),
  /** What the box is for, so the checks and the UI can name it. */
  role: z.enum(['pledge', 'signature', 'seal', 'note']).optional(),
  ...cellBase,
});

/** A value from the saved data. */
export const valueCellSchema = z.object({
  kind: z.literal('value'),
  /** Stable key of the cell, used by problems and tests (`work_name`, `author1_name`). */
  key: idSchema,
  /** What the teacher sees in the problem list (the row's label as printed). */
  label: z.string().min(1),
  bind: z.array(valueSourceSchema).min(1),
  hint: hintSchema.optional(),
  /** Blank is allowed (固定电话, 其他说明). Author cells past the team's last author are always allowed blank. */
  optional: z.boolean().default(false),
  /** Required only for these categories (学段 boxes of the 基础教育组 on a form the 中职 categories share). */
  onlyFor: z.array(idSchema).optional(),
  /** Room for a long text, in millimetres. */
  minHeightMm: z.number().positive().optional(),
  ...cellBase,
});

/** One □ box. `value` is what ticks it: an option of the bound text, or a category id for 项目. */
export const optionSchema = z.object({
  label: z.string().min(1),
  /** Defaults to `label`. */
  value: z.string().min(1).optional(),
  /** Start a new line before this box (the template wraps the list). */
  breakBefore: z.boolean().default(false),
});

/** A group of □ boxes, ticked from the saved data (学段, 科目, 年级, 项目). */
export const optionsCellSchema = z.object({
  kind: z.literal('options'),
  key: idSchema,
  label: z.string().min(1),
  /** `category`: ticks the box whose value is the draft's category id; otherwise the bound text's values. */
  bind: z.union([z.literal('category'), z.array(valueSourceSchema).min(1)]),
  options: z.array(optionSchema).min(1),
  /** Where the template prints the box: 精品学习资源□ (after) or □道德与法治 (before). */
  box: z.enum(['before', 'after']),
  multiple: z.boolean().default(false),
  /** A note printed under the boxes (注：原则上选一个科目). */
  note: z.string().min(1).optional(),
  optional: z.boolean().default(false),
  onlyFor: z.array(idSchema).optional(),
  ...cellBase,
});

export const cellSchema = z.discriminatedUnion('kind', [labelCellSchema, textCellSchema, valueCellSchema, optionsCellSchema]);
export type Cell = z.infer<typeof cellSchema>;
export type LabelCell = z.infer<typeof labelCellSchema>;
export type TextCell = z.infer<typeof textCellSchema>;
export type ValueCell = z.infer<typeof valueCellSchema>;
export type OptionsCell = z.infer<typeof optionsCellSchema>;
export type FormOption = z.infer<typeof optionSchema>;

export const rowSchema = z.object({
  cells: z.array(cellSchema),
  /** Printed height of the row, in millimetres, when the template leaves room. */
  minHeightMm: z.number().positive().optional(),
});
export type FormRow = z.infer<typeof rowSchema>;

/** A correction of an obvious slip in the notice's text, applied to what is printed and documented here. */
export const erratumSchema = z.object({ notice: z.string().min(1), printed: z.string(), why: z.string().min(1) });

export const formLayoutSchema = z
  .object({
    /** `annex1`, `annex5` …: the district notice's numbering. */
    id: idSchema,
    /** As the notice numbers it (附件1); `also` lists other numbers for the same form (national 附件1). */
    annex: z.string().min(1),
    also: z.array(z.string()).default([]),
    title: z.string().min(1),
    subtitle: z.string().optional(),
    /** The template's own instruction above the table (注：填写均为5号，宋体). */
    note: z.string().optional(),
    /** Text printed under the table (共享提示, 注：此表需提交两份…). */
    footer: z.array(z.string()).default([]),
    /** The file-name suffix: 作品名称-登记表.docx. */
    fileLabel: z.enum(['登记表', '信息表', '申报表']),
    /** Rule-pack categories that use this form. */
    categories: z.array(idSchema).min(1),
    /** The pack year the form belongs to. */
    year: z.number().int(),
    /** Body text size: 五号 (10.5 pt) where the notice says so. */
    fontPt: z.number().positive(),
    /** Pages the printed form should take. */
    pages: z.number().int().min(1),
    /** Relative column widths of the table's grid. */
    columns: z.array(z.number().positive()).min(1),
    rows: z.array(rowSchema).min(1),
    /** How many author rows the table has (every notice: at most 3). */
    authorRows: z.number().int().min(0).max(3),
    errata: z.array(erratumSchema).default([]),
    source: sourceSchema,
  })
  .superRefine((form, ctx) => {
    // Every row must fill the grid exactly, counting cells that reach down from rows above (rowSpan).
    for (const error of placeCells(form.rows, form.columns.length).errors) {
      const path = error.cell === undefined ? ['rows', error.row] : ['rows', error.row, 'cells', error.cell];
      ctx.addIssue({ code: 'custom', path, message: error.message });
    }
    const keys = new Set<string>();
    form.rows.forEach((row, r) => row.cells.forEach((cell, c) => {
      if (cell.kind !== 'value' && cell.kind !== 'options') return;
      if (keys.has(cell.key)) ctx.addIssue({ code: 'custom', path: ['rows', r, 'cells', c, 'key'], message: `duplicate key ${cell.key}` });
      keys.add(cell.key);
    }));
  });

/** A form as the layout files write it (defaults not yet filled). */
export type FormLayoutInput = z.input<typeof formLayoutSchema>;
/** A validated form layout. */
export type FormLayout = z.infer<typeof formLayoutSchema>;
