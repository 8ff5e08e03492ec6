using LeicsPerformance.Web.Data;
using Microsoft.Extensions.Caching.Memory;

namespace LeicsPerformance.Web.Reporting;

/// <summary>
/// Rated dashboards and rated periods kept in memory, keyed by what they were rated from: the data version (which
/// every committed change moves, whoever makes it) and the request's own arguments. Anonymous readers are served from
/// the output cache; this serves signed-in readers, who never are, and the first anonymous request after a load.
/// An entry can never be stale: a load moves the data version, so the next request asks for a new key.
/// </summary>
/// <remarks>
/// What is kept is immutable (records and read-only lists), shared by every request that asks. The cache holds at
/// most <see cref="Entries"/> entries and each lives at most 10 minutes, so old versions' entries fall away.
/// </remarks>
public sealed class RatedMemo(DataVersion dataVersion) : IDisposable
{
    public const int Entries = 400;

    private static readonly MemoryCacheEntryOptions EntryOptions = new()
    {
        Size = 1,
        AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10),
    };

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = Entries });

    public async Task<T> GetOrRateAsync<T>(string what, string arguments, Func<Task<T>> rate, CancellationToken ct)
    {
        // The version is read before rating: if a load commits meanwhile, the result is kept under the old version,
        // which no later request asks for.
        var key = (what, arguments, await dataVersion.CurrentAsync(ct));
        if (cache.TryGetValue(key, out T? kept))
        {
            return kept!;
        }

        var rated = await rate();
        cache.Set(key, rated, EntryOptions);
        return rated;
    }

    public void Dispose() => cache.Dispose();
}
