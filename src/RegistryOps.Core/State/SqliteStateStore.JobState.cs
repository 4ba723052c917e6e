namespace RegistryOps.Core.State;

public sealed partial class SqliteStateStore
{
    public async Task<string?> GetJobStateAsync(string job, string key, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value FROM job_state WHERE job = $job AND key = $key;";
        command.Parameters.AddWithValue("$job", job);
        command.Parameters.AddWithValue("$key", key);

        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task SetJobStateAsync(string job, string key, string value, CancellationToken cancellationToken)
    {
        // A single upsert statement is its own transaction: readers see the old or the new value.
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO job_state (job, key, value, updated_at) VALUES ($job, $key, $value, $now)
            ON CONFLICT (job, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;
            """;
        command.Parameters.AddWithValue("$job", job);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$now", ToText(_time.GetUtcNow()));

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
