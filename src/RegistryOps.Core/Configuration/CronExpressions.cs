using Cronos;

namespace RegistryOps.Core.Configuration;

/// <summary>Cron expressions as written in config files: 5 fields (minute precision), 6 fields
/// (with seconds first), or one of Cronos' macros such as <c>@hourly</c> and <c>@daily</c>.</summary>
public static class CronExpressions
{
    private const string CronosPrefix = "The given cron expression has an invalid format. ";

    public static bool TryParse(string text, out CronExpression? value, out string error)
    {
        value = null;
        error = "";
        var trimmed = text.Trim();

        var fields = trimmed.Split(' ', '\t').Count(f => f.Length > 0);
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        if (!trimmed.StartsWith('@') && fields is not (5 or 6))
        {
            error = $"a cron expression has 5 fields (minute hour day month weekday) or 6 with "
                + $"seconds first, not {fields}";
            return false;
        }

        try
        {
            value = CronExpression.Parse(trimmed, format);
            return true;
        }
        catch (CronFormatException exception)
        {
            // Cronos names the field at fault; its fixed preamble adds nothing for an operator.
            var detail = exception.Message.StartsWith(CronosPrefix, StringComparison.Ordinal)
                ? exception.Message[CronosPrefix.Length..]
                : exception.Message;
            error = $"invalid cron expression: {detail}";
            return false;
        }
    }
}
