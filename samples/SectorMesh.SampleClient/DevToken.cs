using System.Net.Http.Json;
using System.Text.Json.Serialization;

namespace SectorMesh.SampleClient;

/// <summary>
/// A token from the gateway's /dev/token, which exists only in Development and answers only on loopback. Elsewhere a
/// state service gets its token from the identity provider, or an operator issues one with the gateway's
/// `issue-token` command; pass it in SECTORMESH_TOKEN.
/// </summary>
public static class DevToken
{
    private sealed record Issued([property: JsonPropertyName("access_token")] string AccessToken);

    public static async Task<string> RequestAsync(Uri gatewayJson, string tenant, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = gatewayJson, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.PostAsJsonAsync("/dev/token",
            new { tenant, roles = new[] { "board-admin" }, subject = "state-workforce-system" }, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Issued>(cancellationToken))!.AccessToken;
    }
}
