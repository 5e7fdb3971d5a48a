using SectorMesh.Web.Sessions;

namespace SectorMesh.UnitTests.Web;

public sealed class SignInReturnAddressTests
{
    [Theory]
    [InlineData("/tenants/ohio/partnerships/healthcare", "/tenants/ohio/partnerships/healthcare")]
    [InlineData("/indicators?programYear=2025", "/indicators?programYear=2025")]
    public void A_path_of_the_application_is_returned_to_after_sign_in(string asked, string returned) =>
        Assert.Equal(returned, StaffSignIn.LocalUrl(asked));

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_return_address_becomes_the_overview_so_sign_in_is_no_open_redirect(string? asked) =>
        Assert.Equal("/", StaffSignIn.LocalUrl(asked));
}
