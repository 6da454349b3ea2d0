/** A stable code from district and name: `isfara` + `Khoja Alo` → `isfara-khoja-alo`; non-latin names get a short random tail. */
export function communityCodeFrom(districtCode: string, name: string, random: () => string = () => Math.random().toString(36).slice(2, 8)): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${districtCode}-${(slug || random()).slice(0, 60)}`.replace(/-+$/, '');
}
