using Google.Rpc;
using SectorMesh.Domain;
using SectorMesh.Partnerships.Domain.Rules;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Shared;

public class ErrorMappingTests
{
    [Fact]
    public void Invalid_input_becomes_invalid_argument_with_a_violation_per_field()
    {
        var status = DomainErrorInterceptor.ToStatus(new InvalidInput([new("a", "bad"), new("b", "worse")]))!;

        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.Equal(["a", "b"], status.Details.Single().Unpack<BadRequest>().FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void A_broken_rule_becomes_failed_precondition_naming_the_rule()
    {
        var status = DomainErrorInterceptor.ToStatus(new BusinessRuleBroken([new ActivePartnershipNeedsVision("")]))!;

        Assert.Equal((int)Code.FailedPrecondition, status.Code);
        Assert.Equal(nameof(ActivePartnershipNeedsVision), status.Details.Single().Unpack<PreconditionFailure>().Violations.Single().Subject);
    }

    [Fact]
    public void A_stale_etag_becomes_aborted()
    {
        Assert.Equal((int)Code.Aborted, DomainErrorInterceptor.ToStatus(new StaleEtag("tenants/oh/partnerships/p"))!.Code);
    }

    [Fact]
    public void A_missing_resource_becomes_not_found()
    {
        Assert.Equal((int)Code.NotFound, DomainErrorInterceptor.ToStatus(new ResourceNotFound("tenants/oh/partnerships/p"))!.Code);
    }

    [Fact]
    public void A_role_that_may_not_write_becomes_permission_denied()
    {
        Assert.Equal((int)Code.PermissionDenied, DomainErrorInterceptor.ToStatus(new AccessDenied("no"))!.Code);
    }

    /// <summary>A status travels in HTTP/2 headers; past the gateway's 64 KiB the caller would get the gateway's 503 instead.</summary>
    [Fact]
    public void A_refusal_naming_hundreds_of_invalid_fields_stays_small_enough_for_a_proxy_to_pass_on()
    {
        var violations = Enumerable.Range(0, 300).Select(i => new FieldViolation($"region.county_fips[{i}]", new string('é', 2_000))).ToList();

        var status = DomainErrorInterceptor.ToStatus(new InvalidInput(violations))!;

        Assert.InRange(status.CalculateSize(), 1, 16 * 1024);
    }

    [Fact]
    public void Unexpected_exceptions_are_not_mapped_and_so_stay_internal()
    {
        Assert.Null(DomainErrorInterceptor.ToStatus(new InvalidOperationException("boom")));
    }
}
