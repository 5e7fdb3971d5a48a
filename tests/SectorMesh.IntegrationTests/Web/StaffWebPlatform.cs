using Microsoft.Playwright;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.Web;

/// <summary>
/// The whole platform with the staff web application behind the gateway's root, every process trusting the OpenID Connect
/// provider of the test, and Debian's Chromium driven by Playwright. The web application runs as in production: sign-in is
/// only through the provider.
/// </summary>
public sealed class StaffWebPlatform : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IdentityProvider Provider { get; private set; } = null!;
    public Platform Platform { get; private set; } = null!;
    public TenantScenario Scenario { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The gateway's root, where the pages are opened.</summary>
    public Uri Root => Platform.GatewayJsonUrl;

    /// <summary>Screenshots of the pages, kept as the run's artifacts.</summary>
    public static string Screenshots { get; } = Path.Combine(ServiceProcess.RepositoryRoot(), "tests", "artifacts", "web");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"The browser tests need Debian's Chromium at {Chromium}: apt-get install -y chromium (eng/test.sh does).");
        }
        Provider = await IdentityProvider.StartAsync();
        var web = new Uri($"http://127.0.0.1:{Servers.FreePort()}");
        Platform = new Platform
        {
            Settings = new Dictionary<string, string> { ["Auth__Authority"] = Provider.Url.ToString(), ["services__web__http__0"] = web.ToString() },
        };
        await Platform.InitializeAsync();
        await StartWebReplicaAsync(web);
        Scenario = await TenantScenario.CreateAsync(Platform);
        Provider.Users["board"] = (Scenario.TenantId, ["board-admin"], []);
        Provider.Users["viewer"] = (Scenario.TenantId, ["viewer"], []);
        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A replica of the web application, as Kubernetes runs several: on the platform's Redis, in production mode.</summary>
    public Task StartWebReplicaAsync(Uri url) => Platform.StartAsync("web/SectorMesh.Web", new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__redis"] = Servers.Redis,
        ["Auth__Authority"] = Provider.Url.ToString(),
        ["Web__ClientSecret"] = IdentityProvider.ClientSecret,
        ["services__gateway__http__0"] = Platform.GatewayJsonUrl.ToString(),
        ["services__gateway__grpc__0"] = Platform.GatewayGrpcUrl.ToString(),
    }, url);

    /// <summary>A new browser with no cookies, signed in through the provider as <paramref name="user"/>, on the statewide overview.</summary>
    public async Task<IPage> SignedInAsync(string user)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Root.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(Root.ToString(), StringComparison.Ordinal) && !url.Contains("signin-oidc", StringComparison.Ordinal));
        await InteractiveAsync(page);
        return page;
    }

    /// <summary>Opens a page and waits until its circuit has connected: until then it is prerendered HTML that does not answer clicks.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await InteractiveAsync(page);
    }

    private static Task InteractiveAsync(IPage page) => page.Locator("main[data-interactive='true']").WaitForAsync();

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Platform.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>The browser test classes share one platform, started once.</summary>
[CollectionDefinition(Name)]
public sealed class StaffWebCollection : ICollectionFixture<StaffWebPlatform>
{
    public const string Name = "staff web";
}
