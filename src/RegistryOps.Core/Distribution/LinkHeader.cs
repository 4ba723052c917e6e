namespace RegistryOps.Core.Distribution;

/// <summary>The rel="next" target of an RFC 8288 Link header, as the distribution API paginates.</summary>
internal static class LinkHeader
{
    public static Uri? Next(HttpResponseMessage response, Uri baseUri)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var link in values.SelectMany(v => v.Split(',')))
        {
            var open = link.IndexOf('<');
            var close = link.IndexOf('>', open + 1);
            if (open < 0 || close < 0)
            {
                continue;
            }

            var parameters = link[(close + 1)..].Replace(" ", "");
            if (parameters.Contains("rel=\"next\"", StringComparison.OrdinalIgnoreCase)
                || parameters.Contains("rel=next", StringComparison.OrdinalIgnoreCase))
            {
                return new Uri(baseUri, link[(open + 1)..close]);
            }
        }

        return null;
    }
}
