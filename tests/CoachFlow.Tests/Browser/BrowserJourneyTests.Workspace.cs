using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace CoachFlow.Tests.Browser;

/// <summary>
/// The coach's workspace with a keyboard alone, and on a small phone: every control reachable in order by Tab and
/// Shift+Tab, visibly focused, a skip link past the workspace bar, no sideways scrolling and finger-sized buttons.
/// </summary>
public sealed partial class BrowserJourneyTests
{
    /// <summary>The smallest tap target the workspace's buttons meet: WCAG 2.5.5's 44 CSS pixels (2.5.8 asks for 24).</summary>
    private const double TapTarget = 44;

    /// <summary>What a keyboard user sees of the focused element: where it is, whether it shows, and whether its focus outline stands out from the page.</summary>
    private const string FocusedScript = """
        () => {
            const e = document.activeElement;
            if (!e || e === document.body) return { description: 'nothing', visible: false, indicator: false, inBar: false };
            const r = e.getBoundingClientRect();
            const s = getComputedStyle(e);
            const inView = r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
            const hit = inView ? document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
            const visible = inView && s.visibility === 'visible' && Number(s.opacity) > 0 && hit !== null && (hit === e || e.contains(hit));
            const luminance = c => {
                const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map(v => Number(v) / 255).map(v => v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const [hi, lo] = [luminance(s.outlineColor), luminance(getComputedStyle(document.body).backgroundColor)].sort((a, b) => b - a);
            // WCAG 1.4.11: a focus indicator needs 3:1 against what surrounds it.
            const indicator = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && (hi + 0.05) / (lo + 0.05) >= 3;
            const label = (e.labels && e.labels.length > 0 ? e.labels[0].innerText : e.innerText || e.value || '').trim().slice(0, 60);
            return { description: `${e.tagName.toLowerCase()}#${e.id} "${label}"`, visible, indicator, inBar: e.closest('main > .bar') !== null };
        }
        """;

    [Fact]
    public async Task A_coach_signs_in_searches_declines_with_a_note_and_signs_out_with_the_keyboard_alone_always_seeing_the_focus()
    {
        await PostIntakeAsync("Dorothy Vaughan", "dorothy.keyboard@example.com");
        var page = await NewPageAsync();

        // The sign-in page has no bar before its content, so it needs no skip link.
        await VisitAsync(page, "/coach", "workspace-keys-01-sign-in");
        Assert.Equal(0, await page.Locator("a.skip").CountAsync());
        await TabToAsync(page, "#email");
        await page.Keyboard.TypeAsync("sam@coach.example");
        await TabToAsync(page, "form[action='/coach/sign-in'] button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=a sign-in link is on its way");

        await VisitAsync(page, await LinkAsync("sam@coach.example", "Your sign-in link", "Sign in"), "workspace-keys-02-sign-in-link");
        await TabToAsync(page, "main form button");
        await page.Keyboard.PressAsync("Space");
        await page.WaitForURLAsync("**/coach");
        await ReloadUntilAsync(page, "/coach", "#stage-AwaitingCoachTriage + ul >> text=Dorothy Vaughan");
        await CheckAsync(page, "workspace-keys-03-pipeline");

        // The bar comes before the content: the first Tab offers a way past it, which lands on the content's first control.
        await AssertSkipLinkPassesTheBarAsync(page);
        await ReloadFromTheTopAsync(page);
        await TabToAsync(page, "#q");
        await page.Keyboard.TypeAsync("Dorothy");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=Showing engagements matching");
        await CheckAsync(page, "workspace-keys-04-search");

        await TabToAsync(page, "#stage-AwaitingCoachTriage + ul a");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("h1:has-text('Dorothy Vaughan')");
        await CheckAsync(page, "workspace-keys-05-engagement");
        await AssertSkipLinkPassesTheBarAsync(page);

        await ReloadFromTheTopAsync(page);
        await TabToAsync(page, "#DeclineAtTriage-note");
        await page.Keyboard.TypeAsync("My diary is full until spring; Jo would be a wonderful fit.");
        await TabToAsync(page, "#DeclineAtTriage-referral");
        await page.Keyboard.TypeAsync("Jo Park, leadership coach");
        await TabToAsync(page, "form[action$='/act/DeclineAtTriage'] button");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=Kind decline on its way");
        await CheckAsync(page, "workspace-keys-06-declined");
        var decline = await EmailAsync("dorothy.keyboard@example.com", "Thank you for getting in touch with Sam Rivers Coaching");
        Assert.Contains("My diary is full until spring", decline["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // Backwards from the end of the page to the bar's sign-out.
        await TabToAsync(page, "form[action='/coach/sign-out'] button", backwards: true);
        await page.Keyboard.PressAsync("Space");
        await page.WaitForSelectorAsync("text=Enter your email address");
        await page.GotoAsync(new Uri(_host.BaseUrl, "/coach").ToString());
        Assert.DoesNotContain("Dorothy", await page.ContentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_a_small_phone_the_pipeline_and_an_engagement_fit_the_screen_with_finger_sized_buttons()
    {
        await PostIntakeAsync("Mary Jackson", "mary.jackson.phone.with.a.long.address@example.com");
        var page = await NewPageAsync(new ViewportSize { Width = 375, Height = 740 });
        await page.GotoAsync(new Uri(_host.BaseUrl, "/coach").ToString());
        await page.FillAsync("#email", "sam@coach.example");
        await page.ClickAsync("form[action='/coach/sign-in'] button");
        await page.WaitForSelectorAsync("text=a sign-in link is on its way");
        await page.GotoAsync(new Uri(_host.BaseUrl, await LinkAsync("sam@coach.example", "Your sign-in link", "Sign in")).ToString());
        await page.ClickAsync("main form button");
        await page.WaitForURLAsync("**/coach");

        await ReloadUntilAsync(page, "/coach", "#stage-AwaitingCoachTriage + ul >> text=Mary Jackson");
        await CheckAsync(page, "workspace-phone-01-pipeline");
        await AssertFitsThePhoneAsync(page);

        await page.ClickAsync("text=Mary Jackson");
        await page.WaitForSelectorAsync("text=What you can do");
        await CheckAsync(page, "workspace-phone-02-engagement");
        await AssertFitsThePhoneAsync(page);
        Assert.True(await page.Locator("form[action*='/act/'] button").CountAsync() >= 2, "the triage actions are on the page");
    }

    private async Task PostIntakeAsync(string name, string email)
    {
        using var intake = await _http.PostAsJsonAsync("/api/intake", new JsonObject
        {
            ["name"] = name,
            ["email"] = email,
            ["goals"] = "I have just been asked to lead a team of engineers and want to do it well.",
            ["seeingMentalHealthProfessional"] = "no",
            ["consent"] = true,
        }, Ct);
        intake.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Presses Tab (or Shift+Tab) until <paramref name="selector"/> has the focus, checking at every stop that the
    /// focused element is on screen, not covered, and shows a focus indicator. Fails when the tab order never gets there.
    /// </summary>
    private static async Task TabToAsync(IPage page, string selector, bool backwards = false)
    {
        var stops = new List<string>();
        for (var press = 0; press < 80; press++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            var focused = await page.EvaluateAsync<JsonElement>(FocusedScript);
            var description = focused.GetProperty("description").GetString()!;
            stops.Add(description);
            if (description == "nothing")
            {
                // Past the last control: the browser's own UI has the focus.
                break;
            }

            Assert.True(focused.GetProperty("visible").GetBoolean(), $"{description} has the focus but cannot be seen, on {page.Url}");
            Assert.True(focused.GetProperty("indicator").GetBoolean(), $"{description} has the focus but no outline of 3:1 contrast against the page shows it, on {page.Url}");
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                return;
            }
        }

        Assert.Fail($"The tab order never reached {selector} on {page.Url}: {string.Join(" → ", stops)}");
    }

    /// <summary>From the top of a workspace page, the first Tab is a visible "Skip to content" link, and following it takes the next Tab past the bar.</summary>
    private static async Task AssertSkipLinkPassesTheBarAsync(IPage page)
    {
        await ReloadFromTheTopAsync(page);
        await TabToAsync(page, "a.skip");
        Assert.Equal("Skip to content", (await page.EvaluateAsync<string>("() => document.activeElement.innerText")).Trim());
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('a, button, input, select, textarea')].indexOf(document.activeElement)"));
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        var next = await page.EvaluateAsync<JsonElement>(FocusedScript);
        Assert.False(next.GetProperty("inBar").GetBoolean(), $"After the skip link, Tab went to {next.GetProperty("description").GetString()}, still in the bar");
        Assert.True(next.GetProperty("visible").GetBoolean() && next.GetProperty("indicator").GetBoolean(), $"{next.GetProperty("description").GetString()} after the skip link is not visibly focused");
    }

    /// <summary>The page afresh with the focus at its start: without the skip link's fragment, which would start the tab order at its target.</summary>
    private static Task<IResponse?> ReloadFromTheTopAsync(IPage page) => page.GotoAsync(new Uri(page.Url).GetLeftPart(UriPartial.Query));

    /// <summary>No sideways scrolling, and every button at least <see cref="TapTarget"/> pixels each way.</summary>
    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<JsonElement>("""
            () => {
                const page = document.scrollingElement;
                const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > page.clientWidth || (e.scrollWidth > e.clientWidth && getComputedStyle(e).overflowX === 'visible'));
                const innermost = wide.filter(e => !wide.some(other => other !== e && e.contains(other)));
                return { scroll: page.scrollWidth, client: page.clientWidth, wide: innermost.slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className} "${e.innerText.trim().slice(0, 40)}"`).join('; ') };
            }
            """);
        Assert.True(
            width.GetProperty("scroll").GetInt32() <= width.GetProperty("client").GetInt32(),
            $"{page.Url} scrolls sideways: {width.GetProperty("scroll").GetInt32()} px of content in {width.GetProperty("client").GetInt32()}, past the edge: {width.GetProperty("wide").GetString()}");

        var small = await page.EvaluateAsync<string[]>(
            "min => [...document.querySelectorAll('button')].map(b => ({ text: b.innerText.trim(), r: b.getBoundingClientRect() })).filter(b => b.r.height < min || b.r.width < min).map(b => `${b.text}: ${Math.round(b.r.width)}x${Math.round(b.r.height)}`)",
            TapTarget);
        Assert.True(small.Length == 0, $"Buttons smaller than {TapTarget} px on {page.Url}: {string.Join("; ", small)}");
    }
}
