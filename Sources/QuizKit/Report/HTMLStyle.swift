/// The inline style sheet of the HTML report: fluid on a phone, plain on paper.
///
/// No `url(…)`, no `@import`, no web fonts: the page asks nothing of the
/// network. Tables sit in `.scroll` boxes that scroll sideways on a narrow
/// screen, and the questions table (`.stack`) turns into one card per row
/// there, its cells labelled from `data-label`. Print rules drop the scroll
/// boxes, keep colours and keep review items and charts on one page each.
enum HTMLStyle {
    static let sheet = """
    :root { color-scheme: light; --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
      --right: #1a7f37; --partial: #9a6700; --wrong: #cf222e; --none: #6e7781; --bar: #0969da; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: #fff;
      font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
    main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 .75rem; overflow-wrap: anywhere; }
    h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
    h3 { font-size: 1.05rem; margin: 0 0 .5rem; overflow-wrap: anywhere; }
    .summary { display: flex; flex-wrap: wrap; gap: .4rem 1rem; align-items: center; margin: 0 0 1rem; }
    .verdict { font-weight: 700; letter-spacing: .04em; padding: .1rem .7rem; border-radius: 1rem; color: #fff; }
    .verdict.passed { background: var(--right); }
    .verdict.failed { background: var(--wrong); }
    .score { font-size: 1.3rem; font-weight: 600; }
    .meta { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: 0;
      color: var(--muted); font-size: .9rem; }
    .meta dd { margin: 0; overflow-wrap: anywhere; }
    .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
    table { border-collapse: collapse; width: 100%; font-size: .95rem; }
    th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
    th { background: var(--soft); white-space: nowrap; }
    .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.text { min-width: 12rem; overflow-wrap: anywhere; }
    tfoot td { font-weight: 700; }
    .tag { white-space: nowrap; font-weight: 600; }
    .tag.right { color: var(--right); }
    .tag.partial { color: var(--partial); }
    .tag.wrong { color: var(--wrong); }
    .tag.none { color: var(--none); }
    figure { margin: 1rem 0; }
    figure svg { display: block; width: 100%; max-width: 30rem; height: auto; }
    figcaption { color: var(--muted); font-size: .85rem; }
    .legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
    .swatch { display: inline-block; width: .8em; height: .8em; margin-right: .3em; border-radius: 2px; }
    .swatch.right { background: var(--right); }
    .swatch.partial { background: var(--partial); }
    .swatch.wrong { background: var(--wrong); }
    .swatch.none { background: var(--none); }
    .review { list-style: none; padding: 0; margin: 0; }
    .review > li { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; }
    .prompt { overflow-wrap: anywhere; margin: 0 0 .75rem; padding: .5rem .75rem;
      background: var(--soft); border-left: 3px solid var(--line); }
    .prompt > :first-child { margin-top: 0; }
    .prompt > :last-child { margin-bottom: 0; }
    pre { overflow-x: auto; margin: .5rem 0; }
    code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .92em; }
    .answers { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
    .answers dt { font-weight: 600; }
    .answers dd { margin: 0; overflow-wrap: anywhere; }
    .answers dd > p { margin: 0 0 .4rem; }
    a { color: var(--bar); }
    @media (max-width: 32rem) {
      main { padding: .75rem; }
      h1 { font-size: 1.35rem; }
      .answers { grid-template-columns: 1fr; gap: 0; }
      .answers dd { margin-bottom: .4rem; }
      table.stack, .stack tbody, .stack tr, .stack td { display: block; width: auto; }
      .stack thead { display: none; }
      .stack tr { padding: .5rem 0; border-bottom: 1px solid var(--line); }
      .stack td { border: 0; padding: .1rem 0; text-align: left; min-width: 0; }
      .stack td.small { display: inline-block; margin-right: 1rem; }
      .stack td:first-child, .stack td:nth-child(2) { display: inline; }
      .stack td:first-child { font-weight: 700; }
      .stack td:first-child::after { content: ". "; }
      .stack td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); }
    }
    @media print {
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      body { font-size: 11pt; }
      main { max-width: none; padding: 0; }
      .scroll { overflow: visible; }
      h2 { break-after: avoid; }
      figure, tr, .review > li { break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
    }
    """
}
