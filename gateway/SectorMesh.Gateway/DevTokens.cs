using SectorMesh.ServiceDefaults;

namespace SectorMesh.Gateway;

/// <summary>
/// POST /dev/token: a signed token for any tenant and roles, for trying the API on one's own
/// machine. Mapped only in Development, and answered only to a caller on the loopback address;
/// anywhere else tokens come from the identity provider or the `issue-token` command.
/// </summary>
public static class DevTokens
{
    public sealed record Request(string? Tenant, string[]? Roles, string[]? Partnerships, string? Organization, string? Subject);

    public static void MapDevTokens(this WebApplication app) =>
        app.MapPost("/dev/token", (Request request, TokenIssuer issuer, HttpContext http) =>
        {
            if (http.Connection.RemoteIpAddress is not { } caller || !System.Net.IPAddress.IsLoopback(caller))
            {
                return Results.NotFound();
            }
            var roles = request.Roles ?? [];
            var errors = new Dictionary<string, string[]>();
            if (roles.Length == 0 || roles.Any(r => !Roles.All.Contains(r)))
            {
                errors["roles"] = [$"must be one or more of: {string.Join(", ", Roles.All)}."];
            }
            if (string.IsNullOrWhiteSpace(request.Tenant) && !roles.Contains(Roles.PlatformAdmin))
            {
                errors["tenant"] = ["is required for every role but platform-admin."];
            }
            if (errors.Count > 0)
            {
                return Results.ValidationProblem(errors);
            }
            var token = issuer.Issue(request.Subject ?? "dev-user", request.Tenant ?? "", roles, request.Partnerships ?? [],
                request.Organization, TimeSpan.FromHours(8));
            return Results.Ok(new { access_token = token, token_type = "Bearer", expires_in = 8 * 3600 });
        }).AllowAnonymous();
}
