namespace Sodalite.Hub.Pages;

/// <summary>The pages' one stylesheet, served at /assets/site.css: system fonts, readable contrast, visible focus.</summary>
public static class SiteCss
{
    /// <summary>The CSS text.</summary>
    public const string Text = """
        :root { color-scheme: light; --fg: #1f2328; --muted: #57606a; --line: #d0d7de; --bg: #ffffff; --accent: #0b57d0; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #ffb000; outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5em; }
        .skip:focus { left: .5em; }
        header.top { display: flex; gap: 1.5em; align-items: center; padding: .6em 1.2em; border-bottom: 1px solid var(--line); background: #f6f8fa; flex-wrap: wrap; }
        .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
        nav ul { list-style: none; display: flex; gap: 1em; margin: 0; padding: 0; }
        nav a[aria-current="page"] { font-weight: 700; text-decoration: none; color: var(--fg); border-bottom: 2px solid var(--accent); }
        form.user { margin-left: auto; display: flex; gap: .6em; align-items: center; }
        main { padding: 1em 1.2em 3em; max-width: 1400px; }
        h1 { font-size: 1.6em; margin: .3em 0 .6em; }
        h2 { font-size: 1.2em; margin-top: 1.6em; }
        table.list { border-collapse: collapse; width: 100%; margin: .5em 0; }
        table.list caption { text-align: left; color: var(--muted); padding: .3em 0; }
        table.list th, table.list td { text-align: left; padding: .35em .6em; border-bottom: 1px solid var(--line); vertical-align: middle; }
        table.list thead th { background: #f6f8fa; }
        table.list tbody th { font-weight: 500; }
        table.compact th, table.compact td { padding: .2em .5em; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .score { font-weight: 700; font-variant-numeric: tabular-nums; }
        .big .score { font-size: 1.8em; margin-right: .4em; }
        .muted { color: var(--muted); }
        .badge { display: inline-block; padding: 0 .45em; border-radius: .7em; font-size: .85em; border: 1px solid var(--line); margin-left: .3em; white-space: nowrap; }
        .badge.pass { background: #e6f4ea; color: #1e5e24; border-color: #a5d6a7; }
        .badge.warn { background: #fff4e5; color: #8a4500; border-color: #ffcc80; }
        .badge.fail { background: #fdecea; color: #9b1c1c; border-color: #ef9a9a; }
        .badge.error { background: #f3e5f5; color: #5b168a; border-color: #ce93d8; }
        .latest { margin-left: .5em; font-size: .85em; color: var(--muted); }
        .dim { display: inline-block; font-size: .85em; margin-right: .6em; white-space: nowrap; }
        ul.dims { list-style: none; padding: 0; display: flex; gap: .5em; flex-wrap: wrap; }
        .filters { display: flex; gap: .5em; align-items: center; flex-wrap: wrap; margin-bottom: 1em; }
        .tabs ul { border-bottom: 1px solid var(--line); padding-bottom: .4em; margin-bottom: .8em; }
        .pager { display: flex; gap: 1em; align-items: center; margin: .8em 0; }
        .error { background: #fdecea; border: 1px solid #ef9a9a; padding: .5em .8em; border-radius: 4px; }
        .notice { background: #e6f4ea; border: 1px solid #a5d6a7; padding: .5em .8em; border-radius: 4px; }
        dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2em 1em; }
        dl.facts dt { color: var(--muted); }
        dl.facts dd { margin: 0; }
        .actions form { display: flex; gap: .5em; align-items: center; margin: .4em 0; flex-wrap: wrap; }
        ol.events li, ol.logs li { margin: .3em 0; }
        ol.logs pre, td.msg, details pre { white-space: pre-wrap; word-break: break-word; font-size: .85em; }
        ol.logs li.error strong { color: #9b1c1c; }
        ol.logs li.warning strong { color: #8a4500; }
        .scroll { overflow-x: auto; }
        .type { color: var(--muted); font-weight: 400; font-size: .8em; }
        .null { color: var(--muted); font-style: italic; }
        svg.chart { max-width: 100%; height: auto; }
        svg text.axis, svg .axis { font-size: 11px; fill: var(--muted); }
        button { font: inherit; padding: .25em .8em; }
        .crumbs { margin: 0; color: var(--muted); }
        form.login input { min-width: 18em; }
        """;
}
