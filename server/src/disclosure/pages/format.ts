/** Numbers and periods as a Chinese reader expects them on the public pages. */
const yuanFormat = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });

export const formatYuan = (n: number) => yuanFormat.format(n);
export const formatCount = (n: number | null) => (n === null ? '—' : countFormat.format(n));

const quarterNames = ['一', '二', '三', '四'];

/** 2020-Q3 → 2020年第三季度; 2020 → 2020年. */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${quarterNames[Number(quarter[2]) - 1]}季度`;
  return `${period}年`;
}

/** 2020-09-02 → 2020年9月2日. */
export function dateLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
