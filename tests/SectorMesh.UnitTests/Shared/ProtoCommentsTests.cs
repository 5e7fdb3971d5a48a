using Google.Protobuf.Reflection;
using SectorMesh.Contracts;

namespace SectorMesh.UnitTests.Shared;

/// <summary>The API reference is written from the protos' comments, so nothing a caller sends or reads goes undescribed.</summary>
public class ProtoCommentsTests
{
    private static IEnumerable<FileDescriptor> ContractFiles => ApiCatalog.Services
        .SelectMany(service => (IEnumerable<FileDescriptor>)[service.File, .. service.File.Dependencies])
        .Where(file => file.Package.StartsWith("sectormesh", StringComparison.Ordinal))
        .DistinctBy(file => file.Name);

    [Fact]
    public void A_comment_is_found_by_the_full_name_of_what_it_describes()
    {
        Assert.StartsWith("A named set of counties", ProtoComments.Of("sectormesh.partnerships.v1.Region"));
        Assert.StartsWith("Five-digit county FIPS codes", ProtoComments.Of("sectormesh.partnerships.v1.Region.county_fips"));
    }

    [Fact]
    public void An_upload_is_described_by_the_comment_above_its_option()
    {
        Assert.Contains("PIRL layout", ProtoComments.Of("sectormesh.pathways.v1.Pathways/upload/0"));
    }

    [Fact]
    public void Every_service_method_message_enum_and_field_of_the_contracts_has_a_comment()
    {
        var undescribed = ContractFiles
            .SelectMany(file => file.Services.SelectMany(s => (IEnumerable<string>)[s.FullName, .. s.Methods.Select(m => m.FullName)])
                .Concat(file.MessageTypes.SelectMany(Described))
                .Concat(file.EnumTypes.Select(e => e.FullName)))
            .Where(name => ProtoComments.Of(name).Length == 0)
            .ToList();

        Assert.True(undescribed.Count == 0, $"{undescribed.Count} without a comment: {string.Join(", ", undescribed)}");
    }

    private static IEnumerable<string> Described(MessageDescriptor message) =>
    [
        message.FullName,
        .. message.Fields.InDeclarationOrder().Select(f => f.FullName),
        .. message.NestedTypes.SelectMany(Described),
        .. message.EnumTypes.Select(e => e.FullName),
    ];
}
