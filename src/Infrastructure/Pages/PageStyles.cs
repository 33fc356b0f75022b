using CoachFlow.Infrastructure.Configuration;

namespace CoachFlow.Infrastructure.Pages;

/// <summary>
/// The pages' one style sheet, inline in <see cref="PageFrame"/>. The Content-Security-Policy allows it by its
/// SHA-256 hash, computed from this same text, so it must not vary per request.
/// </summary>
public static class PageStyles
{
    private const string Styles = """
        :root { --accent: ACCENT; --ink: #1f2933; --muted: #52606d; --bad: #b42318; --paper: #fbfaf7; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 1.0625rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
        header { background: var(--accent); color: #fff; padding: 1rem 1.25rem; }
        header { display: flex; align-items: center; gap: .75rem; }
        header img { width: 2.5rem; height: 2.5rem; border-radius: 50%; object-fit: cover; border: 2px solid #fff; }
        header p { margin: 0; font-weight: 600; letter-spacing: .01em; }
        .slots { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
        .stage { font-size: 1.25rem; font-weight: 600; }
        main { max-width: 42rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: .5rem 0 1rem; }
        a { color: var(--accent); }
        label, legend { font-weight: 600; display: block; margin-bottom: .25rem; }
        .field { margin: 0 0 1.25rem; }
        .hint { color: var(--muted); font-size: .95rem; margin: 0 0 .35rem; }
        input[type=text], input[type=email], textarea, select { width: 100%; padding: .6rem .7rem; font: inherit; border: 1px solid #9aa5b1; border-radius: .4rem; background: #fff; }
        textarea { min-height: 7rem; }
        fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; }
        .choice { display: flex; gap: .5rem; align-items: flex-start; margin: .3rem 0; font-weight: 400; }
        .choice input { margin-top: .35rem; }
        .error { color: var(--bad); font-weight: 600; margin: .25rem 0; }
        [aria-invalid=true] { border-color: var(--bad); }
        .summary { border: 2px solid var(--bad); border-radius: .4rem; padding: .75rem 1rem; margin-bottom: 1.5rem; }
        button { font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: .4rem; padding: .7rem 1.4rem; cursor: pointer; }
        button:focus-visible, a:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: 3px solid var(--ink); outline-offset: 2px; box-shadow: 0 0 0 2px #f5b700; }
        .skip { position: absolute; left: .75rem; top: -5rem; z-index: 1; padding: .7rem 1rem; border-radius: .4rem; background: #fff; color: var(--accent); font-weight: 600; }
        .skip:focus { top: .75rem; }
        .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .4rem; border-bottom: 1px solid #d9dee3; vertical-align: top; }
        .prose { white-space: pre-wrap; }
        td { overflow-wrap: anywhere; }
        main.wide { max-width: 72rem; }
        .bar { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; justify-content: space-between; margin-bottom: 1rem; }
        .bar form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
        .bar .field { margin: 0; }
        .cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: .75rem; }
        .cards li { background: #fff; border: 1px solid #d9dee3; border-radius: .4rem; padding: .75rem 1rem; overflow-wrap: anywhere; }
        .cards p { margin: .2rem 0; }
        .flag { display: inline-block; font-size: .85rem; font-weight: 600; color: #7a3e00; background: #fff4e5; border: 1px solid #f0b46c; border-radius: 1rem; padding: 0 .5rem; margin: .2rem .25rem 0 0; }
        .side-by-side { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1.5rem; }
        .secondary { color: var(--accent); background: #fff; border: 2px solid var(--accent); }
        """;

    public static string StyleSheet(CoachProfileOptions coach)
    {
        ArgumentNullException.ThrowIfNull(coach);
        return Styles.Replace("ACCENT", coach.AccentColor, StringComparison.Ordinal);
    }
}
