using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components.Authorization;
using SectorMesh.Contracts;
using SectorMesh.Contracts.Metrics.V1;
using SectorMesh.ServiceDefaults;
using SectorMesh.Web.Sessions;

namespace SectorMesh.Web;

/// <summary>
/// Lists as CSV files, downloaded by the browser with its session cookie: each is read from the API with the user's token, as
/// the page that links to it reads it, so suppression and access are the services' own.
/// </summary>
public static class Exports
{
    public static void MapExports(this WebApplication app)
    {
        app.MapGet("/exports/partnerships.csv", async (HttpContext http, Metrics.MetricsClient metrics) =>
        {
            UseRequestUser(http);
            var csv = new StringBuilder("partnership,display_name,stage,sector,sector_title,region,overall_score,flags\n");
            var token = "";
            do
            {
                var page = await metrics.ListPartnershipScorecardsAsync(new ListPartnershipScorecardsRequest
                {
                    Parent = Names.Tenant.Format(Caller.From(http.User).Tenant), PageSize = 100, PageToken = token,
                });
                foreach (var card in page.Scorecards)
                {
                    csv.AppendLine(string.Join(',', new[]
                    {
                        Names.PartnershipScorecard.ParentOf(card.Name), card.DisplayName, card.Stage, card.Sector, card.SectorTitle, card.Region,
                        card.OverallScore.ToString(CultureInfo.InvariantCulture), string.Join(' ', card.Flags),
                    }.Select(Cell)));
                }
                token = page.NextPageToken;
            }
            while (token.Length > 0);
            return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "partnerships.csv");
        }).RequireAuthorization();

        app.MapGet("/exports/tenants/{tenant}/partnerships/{partnership}/performance-indicators.csv",
            async (string tenant, string partnership, int? programYear, HttpContext http, Metrics.MetricsClient metrics) =>
            {
                UseRequestUser(http);
                var body = await metrics.ExportPartnershipPerformanceIndicatorsAsync(new ExportPartnershipPerformanceIndicatorsRequest
                {
                    Name = Names.PartnershipPerformanceIndicators.Format(tenant, partnership), ProgramYear = programYear ?? Labels.CurrentProgramYear(),
                });
                return Results.File(body.Data.ToByteArray(), body.ContentType, $"{partnership}-performance-indicators.csv");
            }).RequireAuthorization();
    }

    /// <summary>The API clients find the user as a page does, from the authentication state, which a plain request must set itself.</summary>
    private static void UseRequestUser(HttpContext http) =>
        ((IHostEnvironmentAuthenticationStateProvider)http.RequestServices.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));

    /// <summary>A CSV cell (RFC 4180), with a leading formula character neutralised so a spreadsheet does not run it.</summary>
    private static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{safe.Replace("\"", "\"\"")}\"" : safe;
    }
}
