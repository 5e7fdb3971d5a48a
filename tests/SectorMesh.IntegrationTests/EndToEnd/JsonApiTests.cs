using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SectorMesh.IntegrationTests.Infrastructure;

namespace SectorMesh.IntegrationTests.EndToEnd;

/// <summary>The JSON API through the gateway, as a script or a browser uses it.</summary>
[Collection(PlatformCollection.Name)]
public sealed class JsonApiTests(Platform platform) : IAsyncLifetime
{
    private TenantScenario _tenant = null!;

    public async Task InitializeAsync() => _tenant = await TenantScenario.CreateAsync(platform);

    public Task DisposeAsync() => Task.CompletedTask;

    private HttpClient Board => platform.Json(_tenant.BoardToken);

    private object NewPartnership(string naics = "62", string name = "Healthcare Partnership") => new
    {
        displayName = name,
        region = _tenant.Region,
        targetSector = new { naicsCode = naics, title = "Health Care" },
    };

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<JsonElement> Create(string id, string naics = "62")
    {
        var response = await Board.PostAsJsonAsync($"/v1/{_tenant.Tenant}/partnerships?partnershipId={id}", NewPartnership(naics));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Body(response);
    }

    [Fact]
    public async Task A_partnership_created_over_json_is_read_back_with_its_name_stage_and_etag()
    {
        await Create("healthcare");

        var read = await Body(await Board.GetAsync($"/v1/{_tenant.Tenant}/partnerships/healthcare"));

        Assert.Equal($"{_tenant.Tenant}/partnerships/healthcare", read.GetProperty("name").GetString());
        Assert.Equal("PARTNERSHIP_STAGE_EXPLORING", read.GetProperty("stage").GetString());
        Assert.False(string.IsNullOrEmpty(read.GetProperty("etag").GetString()));
    }

    [Fact]
    public async Task Listing_pages_through_partnerships_with_page_tokens()
    {
        foreach (var id in new[] { "a-one", "b-two", "c-three" })
        {
            await Create(id);
        }

        var first = await Body(await Board.GetAsync($"/v1/{_tenant.Tenant}/partnerships?pageSize=2"));
        var token = first.GetProperty("nextPageToken").GetString();
        var second = await Body(await Board.GetAsync($"/v1/{_tenant.Tenant}/partnerships?pageSize=2&pageToken={token}"));

        var names = first.GetProperty("partnerships").EnumerateArray().Concat(second.GetProperty("partnerships").EnumerateArray())
            .Select(p => p.GetProperty("name").GetString()!.Split('/')[^1]);
        Assert.Equal(["a-one", "b-two", "c-three"], names);
        Assert.False(second.TryGetProperty("nextPageToken", out var next) && next.GetString() != "");
    }

    [Fact]
    public async Task Listing_filters_by_sector_prefix_and_stage()
    {
        await Create("health", "622");
        await Create("metal", "332");

        var response = await Board.GetAsync($"/v1/{_tenant.Tenant}/partnerships?filter={Uri.EscapeDataString("sector = \"62\" AND stage = PARTNERSHIP_STAGE_EXPLORING")}");

        var names = (await Body(response)).GetProperty("partnerships").EnumerateArray().Select(p => p.GetProperty("name").GetString()!.Split('/')[^1]);
        Assert.Equal(["health"], names);
    }

    [Fact]
    public async Task An_update_with_the_current_etag_succeeds_and_one_with_a_stale_etag_gets_409()
    {
        var created = await Create("healthcare");
        var etag = created.GetProperty("etag").GetString();
        var uri = $"/v1/{_tenant.Tenant}/partnerships/healthcare?updateMask=vision";

        var first = await Board.PatchAsJsonAsync(uri, new { vision = "First vision", etag });
        var stale = await Board.PatchAsJsonAsync(uri, new { vision = "Lost update", etag });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var read = await Body(await Board.GetAsync($"/v1/{_tenant.Tenant}/partnerships/healthcare"));
        Assert.Equal("First vision", read.GetProperty("vision").GetString());
    }

    [Fact]
    public async Task Activation_is_refused_with_the_broken_rule_and_allowed_once_a_second_employer_joins()
    {
        var partnership = await _tenant.PrepareForActivationWithOneEmployerAsync("healthcare");
        var uri = $"/v1/{partnership.Name}:changeStage";

        var refused = await Board.PostAsJsonAsync(uri, new { stage = "PARTNERSHIP_STAGE_ACTIVE" });
        var refusal = await refused.Content.ReadAsStringAsync();
        await _tenant.AddSecondEmployerAsync(partnership.Name);
        var allowed = await Board.PostAsJsonAsync(uri, new { stage = "PARTNERSHIP_STAGE_ACTIVE" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ActivePartnershipNeedsMinimumEmployerPartners", refusal);
        Assert.Equal("PARTNERSHIP_STAGE_ACTIVE", (await Body(allowed)).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_request_without_a_token_gets_401()
    {
        var response = await platform.Json(null).GetAsync($"/v1/{_tenant.Tenant}/partnerships");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Another_tenants_partnership_is_not_found()
    {
        await Create("healthcare");
        var other = await TenantScenario.CreateAsync(platform);

        var response = await platform.Json(other.BoardToken).GetAsync($"/v1/{_tenant.Tenant}/partnerships/healthcare");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_viewer_that_writes_gets_403_and_nothing_changes()
    {
        await Create("healthcare");
        var viewer = platform.Json(await platform.TokenAsync(_tenant.TenantId, "viewer"));

        var response = await viewer.PatchAsJsonAsync($"/v1/{_tenant.Tenant}/partnerships/healthcare?updateMask=vision", new { vision = "Not allowed" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("", (await Body(await viewer.GetAsync($"/v1/{_tenant.Tenant}/partnerships/healthcare"))).GetProperty("vision").GetString());
    }

    [Fact]
    public async Task Bad_input_gets_400_with_a_violation_for_each_field()
    {
        var response = await Board.PostAsJsonAsync($"/v1/{_tenant.Tenant}/partnerships", new
        {
            displayName = "",
            region = _tenant.Region,
            targetSector = new { naicsCode = "7", title = "" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await Body(response)).GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString());
        Assert.Equal(["partnership.display_name", "partnership.target_sector.naics_code", "partnership.target_sector.title"], fields);
    }

    [Fact]
    public async Task An_unknown_region_is_reported_with_the_other_invalid_fields()
    {
        var response = await Board.PostAsJsonAsync($"/v1/{_tenant.Tenant}/partnerships", new
        {
            displayName = "",
            region = $"{_tenant.Tenant}/regions/nowhere",
            targetSector = new { naicsCode = "62", title = "Health Care" },
        });

        var fields = (await Body(response)).GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString());
        Assert.Equal(["partnership.region", "partnership.display_name"], fields);
    }

    [Fact]
    public async Task A_body_over_the_gateways_limit_gets_413()
    {
        var response = await Board.PostAsJsonAsync($"/v1/{_tenant.Tenant}/partnerships", NewPartnership(name: new string('x', 70_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static async Task<IReadOnlyList<(string? Field, string? Description)>> ViolationsOf(HttpResponseMessage response) =>
        [.. (await Body(response)).GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray()
            .Select(v => (v.GetProperty("field").GetString(), v.GetProperty("description").GetString()))];

    [Fact]
    public async Task An_update_mask_in_the_json_mappings_lower_camel_case_is_accepted()
    {
        await Create("healthcare");

        var response = await Board.PatchAsJsonAsync($"/v1/{_tenant.Tenant}/partnerships/healthcare?updateMask=displayName,vision",
            new { displayName = "Regional Healthcare Partnership", vision = "Every resident in reach of a health care career" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Regional Healthcare Partnership", (await Body(response)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task A_misspelt_field_is_refused_by_its_name_and_nothing_is_stored()
    {
        var response = await Board.PostAsJsonAsync($"/v1/{_tenant.Tenant}/partnerships?partnershipId=healthcare", new
        {
            dispalyName = "Healthcare Partnership",
            region = _tenant.Region,
            targetSector = new { naicsCode = "62", title = "Health Care" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (field, description) = Assert.Single(await ViolationsOf(response));
        Assert.Equal("partnership.dispalyName", field);
        Assert.Contains("Unknown name \"dispalyName\"", description);
        Assert.Equal(HttpStatusCode.NotFound, (await Board.GetAsync($"/v1/{_tenant.Tenant}/partnerships/healthcare")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_query_parameter_is_refused_by_its_name()
    {
        var response = await Board.GetAsync($"/v1/{_tenant.Tenant}/partnerships?pageSise=2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("pageSise", Assert.Single(await ViolationsOf(response)).Field);
    }

    [Fact]
    public async Task A_wrong_enum_value_is_refused_with_the_field_and_its_allowed_values_and_no_dotnet_type()
    {
        var response = await Board.PostAsJsonAsync($"/v1/{_tenant.Tenant}/organizations?organizationId=acme",
            new { displayName = "Acme Health", type = "EMPLOYER" });
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (field, description) = Assert.Single(await ViolationsOf(response));
        Assert.Equal("organization.type", field);
        Assert.Contains("PARTNER_TYPE_EMPLOYER", description);
        Assert.DoesNotContain("SectorMesh.Contracts", text);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_refused_naming_the_json_field()
    {
        var response = await Board.PostAsJsonAsync($"/v1/{_tenant.Tenant}/partnerships", new
        {
            displayName = "Healthcare Partnership",
            region = _tenant.Region,
            targetSector = new { naicsCode = 62, title = "Health Care" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("partnership.targetSector.naicsCode", Assert.Single(await ViolationsOf(response)).Field);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused_as_invalid_argument()
    {
        var response = await Board.PostAsync($"/v1/{_tenant.Tenant}/partnerships",
            new StringContent("{\"displayName\": ", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(3, (await Body(response)).GetProperty("code").GetInt32());
    }
}
