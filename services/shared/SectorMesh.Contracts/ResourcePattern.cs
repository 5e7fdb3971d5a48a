using Google.Api;
using Google.Protobuf.Reflection;

namespace SectorMesh.Contracts;

/// <summary>
/// A resource's name pattern as its message declares it in google.api.resource (AIP-123), such as
/// tenants/{tenant}/partnerships/{partnership}: the one place a name is parsed, formatted or cut to its parent.
/// </summary>
public sealed class ResourcePattern
{
    private readonly string[] _segments;

    private ResourcePattern(string type, string pattern)
    {
        Type = type;
        Pattern = pattern;
        _segments = pattern.Split('/');
    }

    /// <summary>The resource type, such as partnerships.sectormesh.gov/Partnership.</summary>
    public string Type { get; }

    public string Pattern { get; }

    public int VariableCount => _segments.Count(IsVariable);

    /// <summary>The message's pattern (its <paramref name="index"/>-th, for a resource that has a parent of more than one kind).</summary>
    public static ResourcePattern Of(MessageDescriptor message, int index = 0) =>
        message.GetOptions()?.GetExtension(ResourceExtensions.Resource) is { } resource && index < resource.Pattern.Count
            ? new ResourcePattern(resource.Type, resource.Pattern[index])
            : throw new InvalidOperationException($"{message.FullName} declares no google.api.resource pattern.");

    /// <summary>The name with the pattern's variables filled in order.</summary>
    public string Format(params string[] ids)
    {
        if (ids.Length != VariableCount)
        {
            throw new ArgumentException($"{Pattern} takes {VariableCount} identifiers, not {ids.Length}.", nameof(ids));
        }
        var next = 0;
        return string.Join('/', _segments.Select(s => IsVariable(s) ? ids[next++] : s));
    }

    /// <summary>The identifiers of a name of this pattern, in order, or null when the name is not of it.</summary>
    public string[]? Match(string? name)
    {
        var parts = (name ?? "").Split('/');
        if (parts.Length != _segments.Length)
        {
            return null;
        }
        var ids = new List<string>(VariableCount);
        for (var i = 0; i < parts.Length; i++)
        {
            if (IsVariable(_segments[i]))
            {
                if (parts[i].Length == 0)
                {
                    return null;
                }
                ids.Add(parts[i]);
            }
            else if (parts[i] != _segments[i])
            {
                return null;
            }
        }
        return [.. ids];
    }

    /// <summary>The name of the parent: the name without its last collection and identifier (or its singleton segment).</summary>
    public string ParentOf(string name)
    {
        var cut = IsVariable(_segments[^1]) ? 2 : 1;
        return string.Join('/', name.Split('/')[..^cut]);
    }

    public override string ToString() => Pattern;

    private static bool IsVariable(string segment) => segment.StartsWith('{');
}
