using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Contracts;
using SectorMesh.Domain;

namespace SectorMesh.ServiceDefaults;

/// <summary>Reads AIP-122 resource names by the patterns the contracts declare (<see cref="Names"/>).</summary>
public static class ResourceNames
{
    /// <summary>The identifiers of a name of the pattern, in order; a name of another form is a field violation that shows the pattern.</summary>
    public static ResourceIds Parse(this ResourcePattern pattern, string? name, string field) =>
        pattern.Match(name) is { } ids && ids.All(ResourceId.IsValid)
            ? new ResourceIds(ids)
            : throw new InvalidInput(field, $"must be a resource name of the form {pattern.Pattern}.");
}

/// <summary>The identifiers a resource name holds, by position, or the first two deconstructed: var (tenant, partnership) = Names.Partnership.Parse(…).</summary>
public sealed class ResourceIds(string[] ids) : IReadOnlyList<string>
{
    public string this[int index] => ids[index];

    public int Count => ids.Length;

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)ids).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => ids.GetEnumerator();

    public void Deconstruct(out string first, out string second) => (first, second) = (ids[0], ids[1]);
}

/// <summary>
/// Opaque page tokens (AIP-158) for keyset pagination: the last key of a page, bound to the
/// filter it was issued for so a token cannot be replayed against another query.
/// </summary>
public static class PageTokens
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public static int Size(int requested)
    {
        if (requested < 0)
        {
            throw new InvalidInput("page_size", "must not be negative.");
        }
        return requested == 0 ? DefaultPageSize : Math.Min(requested, MaxPageSize);
    }

    public static string Encode(string lastKey, string query) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Hash(query)}|{lastKey}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string? Decode(string? token, string query)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
            var parts = text.Split('|', 2);
            if (parts.Length == 2 && parts[0] == Hash(query))
            {
                return parts[1];
            }
        }
        catch (FormatException)
        {
        }
        throw new InvalidInput("page_token", "is not a token this list returned for the same parent and filter.");
    }

    private static string Hash(string query) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(query)))[..12];
}

public static class Paging
{
    /// <summary>
    /// One page of <paramref name="query"/> in the order of <paramref name="key"/>, and the token of
    /// the next (empty on the last page). <paramref name="listing"/> is the request the token belongs to.
    /// </summary>
    public static async Task<(List<T> Items, string NextPageToken)> PageAsync<T>(this IQueryable<T> query,
        Expression<Func<T, string>> key, int pageSize, string? pageToken, string listing, CancellationToken cancellationToken)
    {
        var size = PageTokens.Size(pageSize);
        if (PageTokens.Decode(pageToken, listing) is { } after)
        {
            // key(row) > after, with `after` sent as a query parameter.
            var afterValue = Expression.Property(Expression.Constant(new Boxed(after)), nameof(Boxed.Value));
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key.Body, afterValue);
            query = query.Where(Expression.Lambda<Func<T, bool>>(
                Expression.GreaterThan(compare, Expression.Constant(0)), key.Parameters));
        }
        var page = await query.OrderBy(key).Take(size + 1).ToListAsync(cancellationToken);
        var next = page.Count > size ? PageTokens.Encode(key.Compile()(page[size - 1]), listing) : "";
        return (page.Take(size).ToList(), next);
    }

    /// <summary>A page of a list held in memory (a few hundred items on one row at most), by position; a token not issued for the list is refused.</summary>
    public static (List<T> Items, string NextPageToken) Page<T>(this IReadOnlyList<T> items, int pageSize, string? pageToken, string listing)
    {
        var size = PageTokens.Size(pageSize);
        var after = 0;
        if (PageTokens.Decode(pageToken, listing) is { } token && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after > items.Count))
        {
            throw new InvalidInput("page_token", "is not a token this list returned for the same parent and filter.");
        }
        var next = after + size < items.Count ? PageTokens.Encode((after + size).ToString(CultureInfo.InvariantCulture), listing) : "";
        return ([.. items.Skip(after).Take(size)], next);
    }

    private sealed record Boxed(string Value);
}
