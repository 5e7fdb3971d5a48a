using System.Text;
using Google.Protobuf.WellKnownTypes;
using SectorMesh.Domain;

namespace SectorMesh.ServiceDefaults;

/// <summary>
/// Update masks (AIP-134), read the same way by every Update method. A mask must name what it changes: an empty or absent
/// one is refused with the fields the method can change, and "*" names all of them. Paths are taken in snake_case or in
/// the lowerCamelCase the proto3 JSON mapping writes (a query's ?updateMask=displayName reaches the service as written).
/// </summary>
public static class UpdateMasks
{
    public const string Field = "update_mask";

    /// <summary>The mask's paths in snake_case, each once, in the order given; a path the method cannot change is refused by name.</summary>
    public static IReadOnlyList<string> Read(FieldMask? mask, IReadOnlyList<string> updatable)
    {
        var given = mask?.Paths.ToList() ?? [];
        var list = string.Join(", ", updatable);
        if (given.Count == 0)
        {
            throw new InvalidInput(Field, $"must name the fields to change: {list} (or * for all of them).");
        }
        if (given is ["*"])
        {
            return updatable;
        }
        var refused = given.Where(p => !updatable.Contains(SnakeCase(p))).ToList();
        if (refused.Count > 0)
        {
            throw new InvalidInput(Field, $"cannot update {string.Join(", ", refused.Select(p => $"'{p}'"))}; updatable: {list}.");
        }
        return [.. given.Select(SnakeCase).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>display_name from displayName; a path already in snake_case is left as it is.</summary>
    public static string SnakeCase(string path)
    {
        var snake = new StringBuilder(path.Length + 4);
        foreach (var c in path.Trim())
        {
            if (char.IsAsciiLetterUpper(c))
            {
                snake.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }
        return snake.ToString();
    }
}
