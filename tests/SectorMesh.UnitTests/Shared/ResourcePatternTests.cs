using System.Reflection;
using Google.Api;
using Google.Protobuf.Reflection;
using SectorMesh.Contracts;

namespace SectorMesh.UnitTests.Shared;

/// <summary>Resource names come from the google.api.resource patterns the protos declare (AIP-123), and only from there.</summary>
public class ResourcePatternTests
{
    private static IEnumerable<MessageDescriptor> Messages() => ApiCatalog.Services.Select(s => s.File).Distinct()
        .SelectMany(file => file.MessageTypes);

    private static readonly IReadOnlyList<ResourcePattern> Declared =
        [.. typeof(Names).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (ResourcePattern)f.GetValue(null)!)];

    [Fact]
    public void Every_message_named_by_the_service_declares_its_pattern()
    {
        var unnamed = Messages()
            .Where(m => m.FindFieldByName("name") is { } name
                && name.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior) is { } behaviors
                && (behaviors.Contains(FieldBehavior.Identifier) || behaviors.Contains(FieldBehavior.OutputOnly)))
            .Where(m => m.GetOptions()?.GetExtension(ResourceExtensions.Resource) is null)
            .Select(m => m.FullName);

        Assert.Empty(unnamed);
    }

    [Fact]
    public void Every_declared_pattern_is_in_Names()
    {
        var patterns = Messages().Select(m => m.GetOptions()?.GetExtension(ResourceExtensions.Resource)).OfType<ResourceDescriptor>().Select(r => r.Type);

        Assert.Empty(patterns.Except(Declared.Select(p => p.Type)));
    }

    [Fact]
    public void A_name_formatted_from_identifiers_yields_them_again()
    {
        foreach (var pattern in Declared)
        {
            var ids = Enumerable.Range(1, pattern.VariableCount).Select(i => $"id{i}").ToArray();

            Assert.Equal(ids, pattern.Match(pattern.Format(ids)));
        }
    }

    [Theory]
    [InlineData("tenants/oh/partnerships/healthcare/participants")]
    [InlineData("tenants/oh/partnerships/healthcare/careerPathways/p1")]
    [InlineData("tenants/oh/partnerships//participants/p1")]
    public void A_name_of_another_form_does_not_match(string name)
    {
        Assert.Null(Names.Participant.Match(name));
    }

    [Fact]
    public void The_parent_of_a_name_drops_its_last_collection_or_singleton()
    {
        Assert.Equal("tenants/oh/partnerships/healthcare", Names.Participant.ParentOf("tenants/oh/partnerships/healthcare/participants/p1"));
        Assert.Equal("tenants/oh/partnerships/healthcare", Names.ResourceReport.ParentOf("tenants/oh/partnerships/healthcare/resourceReport"));
    }
}
