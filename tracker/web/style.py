"""The timeline page's stylesheet, inlined into the page (no external assets are fetched)."""

from __future__ import annotations

CSS = """
:root{--bg:#f5f6f8;--fg:#1d2430;--muted:#667085;--card:#fff;--line:#d5d9e0;
--open:#2563eb;--extended:#c27803;--met:#15803d;--missed:#c81e1e;--cancelled:#6b7280;
--event:#7c3aed;--today:#e11d48;--shadow:0 1px 2px rgba(16,24,40,.06),0 1px 3px rgba(16,24,40,.1)}
@media (prefers-color-scheme:dark){:root{--bg:#0f1419;--fg:#e6e8eb;--muted:#98a2b3;
--card:#1a2029;--line:#344054;--shadow:none}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);
font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif}
a{color:inherit}
.wrap{max-width:940px;margin:0 auto;padding:28px 20px 60px}
.top{display:flex;justify-content:space-between;align-items:flex-start;gap:16px;flex-wrap:wrap}
h1{font-size:1.75rem;margin:0;letter-spacing:-.01em}
.sub{margin:.2rem 0 0;color:var(--muted)}
.feed{background:var(--fg);color:var(--bg);text-decoration:none;padding:.5rem .9rem;
border-radius:8px;font-weight:600;font-size:.9rem;white-space:nowrap}
.stats{display:grid;grid-template-columns:repeat(4,1fr);gap:12px;margin:22px 0 14px}
.stat{background:var(--card);border-radius:10px;padding:12px 14px;box-shadow:var(--shadow);
border-top:3px solid var(--line)}
.stat b{display:block;font-size:1.6rem;line-height:1.1}
.stat span{color:var(--muted);font-size:.85rem}
.s-overdue{border-top-color:var(--missed)}.s-overdue b{color:var(--missed)}
.s-open{border-top-color:var(--open)}.s-met{border-top-color:var(--met)}
.s-missed{border-top-color:var(--cancelled)}
.filters{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:0 0 26px}
.chip{text-decoration:none;font-size:.82rem;padding:.2rem .7rem;border-radius:999px;
border:1px solid var(--line);background:var(--card);color:var(--muted)}
.chip.on{background:var(--fg);color:var(--bg);border-color:var(--fg)}
.actorfilter{margin-left:8px;font-size:.85rem;color:var(--muted)}
.timeline{list-style:none;margin:0;padding:0;position:relative}
.timeline::before{content:"";position:absolute;left:5.05rem;top:0;bottom:0;width:2px;
background:var(--line)}
.month{margin:26px 0 10px 6.3rem;font-size:.78rem;font-weight:700;letter-spacing:.08em;
text-transform:uppercase;color:var(--muted)}
.entry{display:grid;grid-template-columns:4.2rem 1fr;gap:1.9rem;margin:0 0 14px;position:relative}
.entry::before{content:"";position:absolute;left:4.72rem;top:.9rem;width:12px;height:12px;
border-radius:50%;background:var(--card);border:3px solid var(--c,var(--line));z-index:1}
.date{text-align:right;color:var(--muted);font-size:.78rem;text-transform:uppercase;
padding-top:.35rem;line-height:1.1}
.date b{display:block;font-size:1.35rem;color:var(--fg)}
.nodate{font-size:1.3rem}
.card{background:var(--card);border-radius:10px;padding:12px 16px 12px;box-shadow:var(--shadow);
border-left:4px solid var(--c,var(--line));min-width:0}
.card h2{font-size:1.02rem;margin:.3rem 0 .35rem;font-weight:650;overflow-wrap:anywhere}
.meta{display:flex;flex-wrap:wrap;gap:6px;align-items:center;font-size:.78rem}
.id{color:var(--muted);font-variant-numeric:tabular-nums;font-weight:600}
.badge{padding:.05rem .5rem;border-radius:999px;color:#fff;background:var(--c,var(--muted));
font-weight:600;text-transform:uppercase;letter-spacing:.03em;font-size:.7rem}
.when{color:var(--muted)}
.st-open{--c:var(--open)}.st-extended{--c:var(--extended)}.st-met{--c:var(--met)}
.st-missed{--c:var(--missed)}.st-cancelled{--c:var(--cancelled)}.event{--c:var(--event)}
.badge.ev{--c:var(--event)}
.badge.overdue{--c:var(--missed);background:transparent;color:var(--missed);
border:1px solid var(--missed)}
.chip.st-open,.chip.st-extended,.chip.st-met,.chip.st-missed,.chip.st-cancelled{
border-color:var(--c)}
.item.overdue .card{background:linear-gradient(90deg,rgba(200,30,30,.07),transparent 60%),
var(--card);border-left-color:var(--missed)}
.item.overdue::before{border-color:var(--missed);background:var(--missed)}
.st-cancelled h2{text-decoration:line-through;color:var(--muted)}
.past:not(.overdue) .card{opacity:.82}
.event .card{background:transparent;box-shadow:none;border:1px dashed var(--line);
border-left:4px solid var(--event)}
.event h2{font-weight:500}
.actors{display:flex;flex-wrap:wrap;gap:5px;margin:.1rem 0 .4rem}
.actor{font-size:.75rem;text-decoration:none;padding:.05rem .5rem;border-radius:6px;
background:rgba(100,116,139,.13)}
.sources{list-style:none;margin:.3rem 0 0;padding:0}
.sources li{margin:.35rem 0 0}
.sources blockquote{margin:0;padding:.1rem 0 .1rem .7rem;border-left:2px solid var(--line);
font-style:italic;font-size:.88rem;overflow-wrap:anywhere}
.sources cite{display:block;font-style:normal;font-size:.78rem;color:var(--muted);
margin:.2rem 0 0 .7rem}
.sources a{color:var(--open);text-decoration:none}.sources a:hover{text-decoration:underline}
.outlet{opacity:.8}
.today{margin:18px 0 22px;position:relative;height:0;border-top:2px solid var(--today)}
.today span{position:absolute;left:0;top:-.8rem;background:var(--today);color:#fff;
font-size:.75rem;font-weight:700;padding:.15rem .6rem;border-radius:999px;
text-transform:uppercase;letter-spacing:.05em}
.undated{margin-top:38px}
.undated>h2{font-size:.78rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;
color:var(--muted);margin:0 0 12px 6.3rem}
.more{margin:10px 0 18px 6.3rem;font-size:.85rem;color:var(--muted)}
.empty{background:var(--card);padding:24px;border-radius:10px;text-align:center;
color:var(--muted)}
@media (max-width:600px){.stats{grid-template-columns:repeat(2,1fr)}
.timeline::before,.entry::before{display:none}.entry{grid-template-columns:3rem 1fr;gap:.7rem}
.month,.undated>h2{margin-left:0}}
"""
