using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Centurion.Tests.Support;

/// <summary>One headless Debian Chromium for a test class, driven by Playwright.</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Executable = "/usr/bin/chromium";
    private IPlaywright? _playwright;
    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"Browser tests need Chromium at {Executable}: apt-get install chromium (scripts/test does this).");
        _playwright = await Playwright.CreateAsync();
        Chromium = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright?.Dispose();
    }

    public async Task<IPage> OpenAsync(TestApp app, string locale = "zh-CN")
    {
        var context = await Chromium.NewContextAsync(new() { Locale = locale, ViewportSize = new() { Width = 1280, Height = 900 }, BaseURL = BaseUrl(app) });
        context.SetDefaultTimeout(45_000); // generous: CI and shared build machines are slow, and a timeout here tests nothing
        return await context.NewPageAsync();
    }

    public static string BaseUrl(TestApp app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Screenshots go to artifacts/screenshots at the repository root, for people to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Centurion.slnx"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? Path.GetTempPath(), "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    public static async Task SignInAsync(IPage page, string user, string password = Features.Demo.DemoData.Password)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        // Wait for the address to change, not for its load event (twice under load that event never came, with every step
        // done: CI and a clean-clone run each timed out here), then for the signed-in page itself.
        await page.WaitForURLAsync(url => !url.Contains("/login"), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("#lang-switch").WaitForAsync();
    }
}
