using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data.Imports;
using SectorMesh.ServiceDefaults;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.Engagement.Data;

public enum LmiFormat { QcewCsv, OewsCsv, OnetText }

/// <summary>What one upload may be: its size, and how many a tenant may run at once ("Imports" section).</summary>
public sealed class ImportOptions
{
    public const string Section = "Imports";

    public long MaxBytes { get; set; } = 256L * 1024 * 1024;
    public int ConcurrentPerTenant { get; set; } = 2;
}

/// <summary>
/// Writes imported files into the tenant's labor market tables as they are read: rows go in
/// batches through COPY into a staging table of the import's own, so a file of any size takes
/// constant memory, and are merged from there in one short transaction at the end, where a row
/// imported again replaces its earlier value. A broken upload leaves the earlier data as it was.
/// </summary>

public sealed class LmiStore(EngagementDbContext db, ImportOptions options, ILogger<LmiStore> logger)
{
    private const int BatchSize = 5_000;

    private static readonly ActivitySource Source = new(Telemetry.SectorMeshSource);
    private static readonly Meter Meter = new(Telemetry.SectorMeshSource);
    private static readonly Counter<long> RowsStored = Meter.CreateCounter<long>("sectormesh.lmi.rows_stored", description: "Labor market and O*NET rows imported");
    private static readonly Counter<long> RowsRejected = Meter.CreateCounter<long>("sectormesh.lmi.rows_rejected", description: "Rows of imported files refused, by line");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("sectormesh.lmi.import.duration", "s", "How long a file import took");

    private static readonly string[] QcewColumns =
    [
        "tenant_id", "year", "quarter", "area_fips", "ownership", "industry_code", "aggregation_level", "suppressed",
        "establishments", "employment", "total_wages", "average_annual_pay", "published_location_quotient", "employment_change_percent",
        "employment_change", "change_suppressed", "location_quotient_suppressed",
    ];

    private static readonly string[] OewsColumns =
    [
        "tenant_id", "occupation_code", "year", "area_code", "industry_code", "ownership_code", "area_title", "area_type",
        "occupation_title", "occupation_group", "employment", "location_quotient", "annual_mean_wage", "annual_median_wage", "wage_top_coded",
    ];

    private static readonly string[] OnetColumns =
    [
        "tenant_id", "onet_soc_code", "element_id", "scale", "element_name", "data_value", "recommend_suppress", "not_relevant",
    ];

    /// <summary>
    /// Imports one file as it is read. <paramref name="batchStored"/> hears the report after each
    /// batch is staged, so a caller can follow a long import; the file is stored whole at the end.
    /// </summary>
    public async Task ImportAsync(string tenant, LmiFormat format, int? year, TextReader file, ImportReport report,
        Func<ImportReport, Task> batchStored, CancellationToken cancellationToken)
    {
        new Violations()
            .Require(format != LmiFormat.OewsCsv || year is >= 1997 and <= 2100, "year", "is required for OEWS: the survey year the file holds, for example 2024.")
            .ThrowIfAny();
        async Task Stored(ImportReport progress)
        {
            logger.LogInformation("{Format} import for {Tenant}: {Lines} lines read, {Kept} kept, {Rejected} rejected",
                format, tenant, progress.LinesRead, progress.RowsKept, progress.RejectedCount);
            await batchStored(progress);
        }
        using var activity = Source.StartActivity("lmi import");
        activity?.SetTag("sectormesh.tenant", tenant);
        activity?.SetTag("sectormesh.lmi.format", format.ToString());
        var started = Stopwatch.GetTimestamp();
        try
        {
            await (format switch
            {
                LmiFormat.QcewCsv => UpsertAsync(tenant, LmiTables.Qcew, QcewColumns, keyColumns: 6, QcewCsvReader.ReadAsync(file, report, cancellationToken: cancellationToken),
                    r => [tenant, r.Year, r.Quarter, r.AreaFips, (int)r.Ownership, r.IndustryCode, r.AggregationLevel, r.Suppressed,
                        r.Establishments, r.Employment, r.TotalWages, r.AverageAnnualPay, r.PublishedLocationQuotient, r.EmploymentChangePercent,
                        r.EmploymentChange, r.ChangeSuppressed, r.LocationQuotientSuppressed],
                    () => Stored(report), cancellationToken),
                LmiFormat.OewsCsv => UpsertAsync(tenant, LmiTables.Oews, OewsColumns, keyColumns: 6, OewsCsvReader.ReadAsync(file, year!.Value, report, cancellationToken),
                    r => [tenant, r.OccupationCode, r.Year, r.AreaCode, r.IndustryCode, r.OwnershipCode, r.AreaTitle, r.AreaType,
                        r.OccupationTitle, r.OccupationGroup, r.Employment, r.LocationQuotient, r.AnnualMeanWage, r.AnnualMedianWage, r.WageTopCoded],
                    () => Stored(report), cancellationToken),
                _ => UpsertAsync(tenant, LmiTables.Onet, OnetColumns, keyColumns: 4, OnetReader.ReadAsync(file, report, cancellationToken),
                    r => [tenant, r.OnetSocCode, r.ElementId, (int)r.Scale, r.ElementName, r.DataValue, r.RecommendSuppress, r.NotRelevant],
                    () => Stored(report), cancellationToken),
            });
        }
        catch (ImportRefused e)
        {
            throw new InvalidInput("file", e.Message);
        }
        finally
        {
            var tag = new KeyValuePair<string, object?>("format", format.ToString());
            RowsStored.Add(report.RowsKept, tag);
            RowsRejected.Add(report.RejectedCount, tag);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
            activity?.SetTag("sectormesh.lmi.rows_kept", report.RowsKept);
            activity?.SetTag("sectormesh.lmi.rows_rejected", report.RejectedCount);
        }
    }

    /// <param name="keyColumns">How many of the leading <paramref name="columns"/> form the table's key.</param>
    private async Task UpsertAsync<T>(string tenant, string table, string[] columns, int keyColumns, IAsyncEnumerable<T> rows,
        Func<T, object?[]> values, Func<Task> batchStaged, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var slot = await TakeImportSlotAsync(connection, tenant, cancellationToken);
        await using var read = rows.GetAsyncEnumerator(cancellationToken);
        try
        {
            // The header is read and checked first: a file that is not what it claims opens nothing.
            var more = await read.MoveNextAsync();
            var list = string.Join(", ", columns);
            var keys = string.Join(", ", columns[..keyColumns]);
            var updates = string.Join(", ", columns[keyColumns..].Select(c => $"{c} = EXCLUDED.{c}"));
            // Rows are staged in a table of this connection's own, outside any transaction, so a slow
            // upload holds no transaction and no lock on the tenant's data while it streams.
            await Execute(connection, $"CREATE TEMP TABLE staging (LIKE {table} INCLUDING DEFAULTS)", cancellationToken);
            var batch = new List<T>(BatchSize);
            for (; more; more = await read.MoveNextAsync())
            {
                batch.Add(read.Current);
                if (batch.Count == BatchSize)
                {
                    await CopyAsync(connection, list, batch, values, cancellationToken);
                    batch.Clear();
                    await batchStaged();
                }
            }
            await CopyAsync(connection, list, batch, values, cancellationToken);

            // One short transaction swaps the whole file in. DISTINCT ON: a key given twice is merged once.
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await Execute(connection, $"INSERT INTO {table} ({list}) SELECT DISTINCT ON ({keys}) {list} FROM staging " +
                $"ON CONFLICT ({keys}) DO UPDATE SET {updates}", cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            // A connection that broke has ended its session, and with it the staging table and the slot.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await Execute(connection, $"DROP TABLE IF EXISTS staging; SELECT pg_advisory_unlock(hashtext('{ImportLockSpace}' || @tenant), {slot})",
                    CancellationToken.None, new NpgsqlParameter("tenant", tenant));
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    private const string ImportLockSpace = "sectormesh.lmi.import:";

    /// <summary>
    /// One of the tenant's import slots, held by this connection for the import (PostgreSQL advisory
    /// locks, so the limit holds across replicas and is let go if the process dies).
    /// </summary>
    private async Task<int> TakeImportSlotAsync(NpgsqlConnection connection, string tenant, CancellationToken cancellationToken)
    {
        for (var slot = 1; slot <= options.ConcurrentPerTenant; slot++)
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock(hashtext('{ImportLockSpace}' || @tenant), {slot})", connection);
            command.Parameters.AddWithValue("tenant", tenant);
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
            {
                return slot;
            }
        }
        throw new TooManyImports(options.ConcurrentPerTenant);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string list, List<T> batch,
        Func<T, object?[]> values, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY staging ({list}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in batch)
            {
                await importer.WriteRowAsync(cancellationToken, values(row));
            }
            await importer.CompleteAsync(cancellationToken);
        }
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params NpgsqlParameter[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
