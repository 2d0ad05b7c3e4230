// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CategoryRules } from '@/components/category-rules';
import { currentPack, findCategory } from '@/lib/rules';

const pack = currentPack();

function Harness({ id }: { id: string }) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const onTick = (text: string, on: boolean) => setTicked((old) => {
    const next = new Set(old);
    if (on) next.add(text);
    else next.delete(text);
    return next;
  });
  return <CategoryRules pack={pack} category={findCategory(pack, id)!} lang="zh" ticked={ticked} onTick={onTick} />;
}

describe('CategoryRules', () => {
  it('shows the shared rules, the first-author limit and the self-checks as a checklist the teacher ticks', async () => {
    render(<Harness id="zhijiao_shijian" />);
    const section = screen.getByRole('region', { name: '本类别须知' });
    for (const rule of pack.common) expect(within(section).getByText(rule.text)).toBeTruthy();
    expect(within(section).getByText('每位第一作者限报 1 件。')).toBeTruthy();
    expect(within(section).getByText('每件作品作者不超过 3 人。')).toBeTruthy();
    const checks = findCategory(pack, 'zhijiao_shijian')!.selfChecks;
    expect(checks.length).toBeGreaterThan(0);
    const boxes = within(screen.getByTestId('self-checks')).getAllByRole('checkbox');
    expect(boxes).toHaveLength(checks.length);
    expect(within(section).getByRole('status').textContent).toBe(`已确认 0 / ${checks.length} 项`);
    await userEvent.click(screen.getByRole('checkbox', { name: checks[0]!.text }));
    expect(within(section).getByRole('status').textContent).toBe(`已确认 1 / ${checks.length} 项`);
  });

  it('shows where each rule comes from, in the notice\'s words, and the total recording time', () => {
    render(<Harness id="xinxihua" />);
    const section = screen.getByRole('region', { name: '本类别须知' });
    expect(within(section).getByText('全部录像时间总计不超过 50 分 00 秒。')).toBeTruthy();
    const sources = section.querySelector('details')!;
    expect(sources.textContent).toContain(pack.notices.district.file);
    const total = [...sources.querySelectorAll('li[data-kind="total"]')];
    expect(total).toHaveLength(1);
    expect(total[0]!.textContent).toContain(findCategory(pack, 'xinxihua')!.totalSource!.quote!);
  });
});
