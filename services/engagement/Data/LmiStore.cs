using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SectorMesh.Domain;
using SectorMesh.Engagement.Data.Imports;
using SectorMesh.ServiceDefaults;
using SectorMesh.Engagement.Domain;

namespace SectorMesh.Engagement.Data;

/// <summary>
/// Writes imported files into the tenant's labor market tables as they are read: rows go in
/// batches through COPY into a staging table and are merged from there, so a file of any size
/// takes constant memory and a row imported again replaces its earlier value. One import is one
/// transaction: a broken connection leaves the earlier data as it was.
/// </summary>
public enum LmiFormat { QcewCsv, OewsCsv, OnetText }

public sealed class LmiStore(EngagementDbContext db, ILogger<LmiStore> logger)
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
    /// stored batch, so a caller can follow a long import.
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
                LmiFormat.QcewCsv => UpsertAsync(LmiTables.Qcew, QcewColumns, keyColumns: 6, QcewCsvReader.ReadAsync(file, report, cancellationToken: cancellationToken),
                    r => [tenant, r.Year, r.Quarter, r.AreaFips, (int)r.Ownership, r.IndustryCode, r.AggregationLevel, r.Suppressed,
                        r.Establishments, r.Employment, r.TotalWages, r.AverageAnnualPay, r.PublishedLocationQuotient, r.EmploymentChangePercent],
                    () => Stored(report), cancellationToken),
                LmiFormat.OewsCsv => UpsertAsync(LmiTables.Oews, OewsColumns, keyColumns: 6, OewsCsvReader.ReadAsync(file, year!.Value, report, cancellationToken),
                    r => [tenant, r.OccupationCode, r.Year, r.AreaCode, r.IndustryCode, r.OwnershipCode, r.AreaTitle, r.AreaType,
                        r.OccupationTitle, r.OccupationGroup, r.Employment, r.LocationQuotient, r.AnnualMeanWage, r.AnnualMedianWage, r.WageTopCoded],
                    () => Stored(report), cancellationToken),
                _ => UpsertAsync(LmiTables.Onet, OnetColumns, keyColumns: 4, OnetReader.ReadAsync(file, report, cancellationToken),
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
    private async Task UpsertAsync<T>(string table, string[] columns, int keyColumns, IAsyncEnumerable<T> rows,
        Func<T, object?[]> values, Func<Task> batchStored, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var list = string.Join(", ", columns);
            var keys = string.Join(", ", columns[..keyColumns]);
            var updates = string.Join(", ", columns[keyColumns..].Select(c => $"{c} = EXCLUDED.{c}"));
            await Execute(connection, $"CREATE TEMP TABLE staging (LIKE {table} INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken);
            // DISTINCT ON: a key given twice in one batch is merged once, the later row winning is not guaranteed.
            var merge = $"INSERT INTO {table} ({list}) SELECT DISTINCT ON ({keys}) {list} FROM staging " +
                $"ON CONFLICT ({keys}) DO UPDATE SET {updates}; TRUNCATE staging";

            var batch = new List<T>(BatchSize);
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                batch.Add(row);
                if (batch.Count == BatchSize)
                {
                    await CopyAndMerge(connection, list, merge, batch, values, cancellationToken);
                    batch.Clear();
                    await batchStored();
                }
            }
            await CopyAndMerge(connection, list, merge, batch, values, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task CopyAndMerge<T>(NpgsqlConnection connection, string list, string merge, List<T> batch,
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
        await Execute(connection, merge, cancellationToken);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
