/**
 * The one small stylesheet of the public pages, inlined so a page is one request on a slow line: system
 * fonts only, cells that do not wrap letter by letter, and tables that scroll sideways inside their box at
 * 390 px instead of widening the page.
 */
export const siteStyle = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;color:#1f2328;background:#fff}
header{background:#b3261e;color:#fff;padding:.6rem 1rem}
header a{color:#fff;text-decoration:none}
.site{font-weight:700;font-size:1.1rem;display:block}
nav ul{list-style:none;margin:.4rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
nav a[aria-current]{text-decoration:underline;text-underline-offset:.25em}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.2rem 0}
h2{font-size:1.15rem;margin:1.4rem 0 .4rem}
.meta{color:#57606a;margin:0 0 1rem}
a{color:#0b57d0}
.scroll{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;min-width:100%;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top;white-space:nowrap}
td.wrap{white-space:normal;min-width:12em}
thead th{background:#f6f8fa}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tfoot td,tfoot th{font-weight:700;background:#f6f8fa}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:.5rem 0 1rem}
label{display:flex;flex-direction:column;font-size:.9rem;gap:.2rem}
input,select,textarea,button{font:inherit;padding:.35rem .5rem;border:1px solid #8c959f;border-radius:4px}
textarea{width:100%;min-height:8rem}
button{background:#0b57d0;color:#fff;border-color:#0b57d0;cursor:pointer}
.stack{display:flex;flex-direction:column;gap:.8rem;max-width:40rem}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.notice{border-left:4px solid #b3261e;background:#fff4f2;padding:.5rem .8rem}
.ok{border-left:4px solid #1a7f37;background:#eefbf1;padding:.5rem .8rem}
figure{margin:.5rem 0;max-width:40rem}
figcaption{font-size:.9rem;color:#57606a}
svg text{font-size:12px;fill:#1f2328}
svg rect{fill:#0b57d0}
footer{color:#57606a;font-size:.85rem;padding:1rem;border-top:1px solid #d0d7de;max-width:72rem;margin:2rem auto 0}
`.trim();
