using Google.Protobuf.Reflection;

namespace SectorMesh.Contracts;

/// <summary>
/// The comments of the .proto files, by the full name of what they describe: a message, field, enum, enum value
/// (its enum's full name, a dot, its own name), service, method or upload (its service's full name, "/upload/" and its
/// index among the service's uploads). Read from the descriptor set the build embeds
/// with its source info, since the descriptors compiled into the generated code leave comments out.
/// </summary>
public static class ProtoComments
{
    private const int FileMessages = 4, FileEnums = 5, FileServices = 6;
    private const int MessageFields = 2, MessageNested = 3, MessageEnums = 4;
    private const int EnumValues = 2, ServiceMethods = 2, ServiceOptions = 3;

    private static readonly Lazy<IReadOnlyDictionary<string, string>> All = new(Load);

    /// <summary>The leading comment of <paramref name="fullName"/>, or else its trailing one; "" when it has none.</summary>
    public static string Of(string fullName) => All.Value.GetValueOrDefault(fullName, "");

    private static Dictionary<string, string> Load()
    {
        using var stream = typeof(ProtoComments).Assembly.GetManifestResourceStream("sectormesh.binpb")
            ?? throw new InvalidOperationException("SectorMesh.Contracts was built without its descriptor set (sectormesh.binpb).");
        var comments = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in FileDescriptorSet.Parser.ParseFrom(stream).File)
        {
            var names = Names(file);
            foreach (var location in file.SourceCodeInfo?.Location ?? [])
            {
                var text = (location.HasLeadingComments ? location.LeadingComments : location.TrailingComments).Trim();
                if (text.Length > 0 && (names.TryGetValue(string.Join('.', location.Path), out var name) || UploadOf(location.Path, names, out name)))
                {
                    comments[name] = text;
                }
            }
        }
        return comments;
    }

    /// <summary>An upload is a repeated option of its service: its path is the service's, then options, the extension, the index.</summary>
    private static bool UploadOf(IList<int> path, Dictionary<string, string> names, out string name)
    {
        name = "";
        if (path is [FileServices, var service, ServiceOptions, var option, var index] && option == UploadsExtensions.Upload.FieldNumber
            && names.TryGetValue($"{FileServices}.{service}", out var serviceName))
        {
            name = $"{serviceName}/upload/{index}";
            return true;
        }
        return false;
    }

    /// <summary>Every named element of the file by its source-info path (1.2.3 for [1, 2, 3]).</summary>
    private static Dictionary<string, string> Names(FileDescriptorProto file)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var package = file.Package.Length > 0 ? file.Package + "." : "";
        for (var i = 0; i < file.MessageType.Count; i++)
        {
            AddMessage(names, $"{FileMessages}.{i}", package + file.MessageType[i].Name, file.MessageType[i]);
        }
        for (var i = 0; i < file.EnumType.Count; i++)
        {
            AddEnum(names, $"{FileEnums}.{i}", package + file.EnumType[i].Name, file.EnumType[i]);
        }
        for (var i = 0; i < file.Service.Count; i++)
        {
            var service = file.Service[i];
            var serviceName = package + service.Name;
            names[$"{FileServices}.{i}"] = serviceName;
            for (var m = 0; m < service.Method.Count; m++)
            {
                names[$"{FileServices}.{i}.{ServiceMethods}.{m}"] = $"{serviceName}.{service.Method[m].Name}";
            }
        }
        return names;
    }

    private static void AddMessage(Dictionary<string, string> names, string path, string name, DescriptorProto message)
    {
        names[path] = name;
        for (var f = 0; f < message.Field.Count; f++)
        {
            names[$"{path}.{MessageFields}.{f}"] = $"{name}.{message.Field[f].Name}";
        }
        for (var n = 0; n < message.NestedType.Count; n++)
        {
            AddMessage(names, $"{path}.{MessageNested}.{n}", $"{name}.{message.NestedType[n].Name}", message.NestedType[n]);
        }
        for (var e = 0; e < message.EnumType.Count; e++)
        {
            AddEnum(names, $"{path}.{MessageEnums}.{e}", $"{name}.{message.EnumType[e].Name}", message.EnumType[e]);
        }
    }

    private static void AddEnum(Dictionary<string, string> names, string path, string name, EnumDescriptorProto enumType)
    {
        names[path] = name;
        for (var v = 0; v < enumType.Value.Count; v++)
        {
            names[$"{path}.{EnumValues}.{v}"] = $"{name}.{enumType.Value[v].Name}";
        }
    }
}
