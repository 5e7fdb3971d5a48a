namespace SectorMesh.ManifestTests;

/// <summary>
/// The contract check CI runs (eng/contracts.sh), applied to a copy of the protos: the protos as
/// they are pass it, and a change that would break callers of the last release fails it, named.
/// </summary>
public class ContractTests
{
    private const string Partnerships = "sectormesh/partnerships/v1/partnerships.proto";

    [Fact]
    public void The_protos_as_they_are_pass_lint_with_no_finding()
    {
        using var protos = new ProtoWorkspace();

        Assert.Empty(protos.Lint().Findings);
    }

    [Fact]
    public void The_protos_as_they_are_keep_the_contract_of_the_last_release()
    {
        using var protos = new ProtoWorkspace();

        Assert.Equal(0, protos.Breaking().ExitCode);
    }

    [Fact]
    public void Renaming_a_field_breaks_the_contract_for_gRPC_and_JSON_callers()
    {
        using var protos = new ProtoWorkspace();
        protos.Change(Partnerships, "  string vision = 7;", "  string purpose = 7;");

        var result = protos.Breaking();

        Assert.Equal(100, result.ExitCode);
        Assert.Equal(["FIELD_SAME_JSON_NAME", "FIELD_SAME_NAME"], result.Rules.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Renumbering_a_field_breaks_the_contract_as_the_deletion_of_the_old_tag()
    {
        using var protos = new ProtoWorkspace();
        protos.Change(Partnerships, "  string vision = 7;", "  string vision = 70;");

        var result = protos.Breaking();

        Assert.Equal(100, result.ExitCode);
        Assert.Equal("FIELD_NO_DELETE", Assert.Single(result.Findings).Type);
    }

    [Fact]
    public void A_field_renamed_in_a_new_major_version_package_keeps_the_contract()
    {
        using var protos = new ProtoWorkspace();
        protos.CopyAs("sectormesh/resources/v1/resources.proto", "sectormesh/resources/v2/resources.proto", proto => proto
            .Replace("package sectormesh.resources.v1;", "package sectormesh.resources.v2;", StringComparison.Ordinal)
            .Replace("SectorMesh.Contracts.Resources.V1", "SectorMesh.Contracts.Resources.V2", StringComparison.Ordinal)
            .Replace("string display_name = 2", "string title = 2", StringComparison.Ordinal));

        Assert.Equal(0, protos.Breaking().ExitCode);
    }

    [Fact]
    public void An_enum_value_not_prefixed_with_its_enums_name_fails_lint()
    {
        using var protos = new ProtoWorkspace();
        protos.Change(Partnerships, "PARTNERSHIP_STAGE_EXPLORING = 1;", "EXPLORING = 1;");

        Assert.Equal("ENUM_VALUE_PREFIX", Assert.Single(protos.Lint().Findings).Type);
    }

    [Fact]
    public void A_missing_buf_is_reported_with_what_to_install()
    {
        var missing = new System.Diagnostics.ProcessStartInfo("buf-that-is-not-installed", ["lint"]);

        var error = Assert.Throws<InvalidOperationException>(() => ProtoWorkspace.StartBuf(missing));

        Assert.Contains("npm ci --prefix eng/contracts", error.Message);
    }
}
