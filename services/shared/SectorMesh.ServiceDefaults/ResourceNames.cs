using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SectorMesh.Domain;

namespace SectorMesh.ServiceDefaults;

/// <summary>Parses AIP-122 resource names such as tenants/{tenant}/partnerships/{partnership}.</summary>
public static class ResourceNames
{
    /// <summary>Returns the identifiers of a name whose collections are <paramref name="collections"/>, in order.</summary>
    public static string[] Parse(string? name, string field, params string[] collections)
    {
        var parts = (name ?? "").Split('/');
        var valid = parts.Length == collections.Length * 2;
        for (var i = 0; valid && i < collections.Length; i++)
        {
            valid = parts[2 * i] == collections[i] && ResourceId.IsValid(parts[2 * i + 1]);
        }
        if (!valid)
        {
            var pattern = string.Join("/", collections.Select(c => $"{c}/{{{Singular(c)}}}"));
            throw new InvalidInput(field, $"must be a resource name of the form {pattern}.");
        }
        return Enumerable.Range(0, collections.Length).Select(i => parts[2 * i + 1]).ToArray();
    }

    /// <summary>The tenant and partnership of tenants/{tenant}/partnerships/{partnership}.</summary>
    public static (string Tenant, string Partnership) Partnership(string? name, string field)
    {
        var ids = Parse(name, field, "tenants", "partnerships");
        return (ids[0], ids[1]);
    }

    private static string Singular(string collection) => collection.EndsWith("ies") ? collection[..^3] + "y" : collection.TrimEnd('s');
}

/// <summary>
/// Opaque page tokens (AIP-158) for keyset pagination: the last key of a page, bound to the
/// filter it was issued for so a token cannot be replayed against another query.
/// </summary>
public static class SingletonNames
{
    /// <summary>The parent of a singleton resource's name (tenants/t/partnerships/p of tenants/t/partnerships/p/resourceReport).</summary>
    public static string ParentOf(string? name, string field, string singleton) =>
        name?.EndsWith("/" + singleton, StringComparison.Ordinal) == true
            ? name[..^(singleton.Length + 1)]
            : throw new InvalidInput(field, $"must end with /{singleton}.");
}

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

    private sealed record Boxed(string Value);
}
