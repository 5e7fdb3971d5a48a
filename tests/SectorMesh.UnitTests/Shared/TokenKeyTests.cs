using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using SectorMesh.ServiceDefaults;

namespace SectorMesh.UnitTests.Shared;

/// <summary>The development signing key is in the source: nothing but Development may accept tokens signed with it.</summary>
public class TokenKeyTests
{
    private const string PublishedDevelopmentKey = "sectormesh-development-signing-key-not-for-production";

    private static AuthOptions Load(string environment, string? signingKey)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(signingKey is null ? [] : [KeyValuePair.Create<string, string?>("Auth:SigningKey", signingKey)])
            .Build();
        return AuthOptions.From(configuration, new Host(environment));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Local")]
    public void A_service_outside_Development_refuses_to_start_with_the_development_key(string environment)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Load(environment, PublishedDevelopmentKey));

        Assert.Contains("development key", error.Message);
    }

    [Fact]
    public void A_service_outside_Development_refuses_to_start_without_a_key_or_an_authority()
    {
        Assert.Throws<InvalidOperationException>(() => Load("Local", null));
    }

    [Fact]
    public void Development_signs_with_the_development_key_when_none_is_set()
    {
        Assert.Equal(PublishedDevelopmentKey, Load("Development", null).SigningKey);
    }

    private sealed class Host(string environment) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = environment;
        public string ApplicationName { get; set; } = "tests";
        public string ContentRootPath { get; set; } = "";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
