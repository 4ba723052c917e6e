using System.Text;
using DiffPlex;
using DiffPlex.Chunkers;

namespace RegistryOps.Jobs.Sync.Manage;

/// <summary>A line diff (DiffPlex) printed in unified format with three lines of context.</summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string oldText, string newText, string path)
    {
        var result = Differ.Instance.CreateDiffs(oldText, newText, false, false, new LineChunker());
        var blocks = result.DiffBlocks;
        var old = result.PiecesOld;
        var neu = result.PiecesNew;
        if (blocks.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder($"--- a{path}\n+++ b{path}\n");
        var i = 0;
        while (i < blocks.Count)
        {
            // Blocks closer than twice the context share one hunk.
            var j = i;
            while (j + 1 < blocks.Count && Gap(blocks[j], blocks[j + 1]) <= 2 * Context)
            {
                j++;
            }

            var first = blocks[i];
            var last = blocks[j];
            var startA = Math.Max(0, first.DeleteStartA - Context);
            var startB = first.InsertStartB - (first.DeleteStartA - startA);
            var endA = Math.Min(LineCount(old), last.DeleteStartA + last.DeleteCountA + Context);
            var endB = last.InsertStartB + last.InsertCountB + (endA - (last.DeleteStartA + last.DeleteCountA));
            text.Append($"@@ -{Range(startA, endA - startA)} +{Range(startB, endB - startB)} @@\n");

            var a = startA;
            for (var k = i; k <= j; k++)
            {
                var block = blocks[k];
                while (a < block.DeleteStartA)
                {
                    text.Append(' ').Append(old[a++]).Append('\n');
                }

                for (var d = 0; d < block.DeleteCountA; d++)
                {
                    text.Append('-').Append(old[block.DeleteStartA + d]).Append('\n');
                }

                for (var n = 0; n < block.InsertCountB; n++)
                {
                    text.Append('+').Append(neu[block.InsertStartB + n]).Append('\n');
                }

                a = block.DeleteStartA + block.DeleteCountA;
            }

            while (a < endA)
            {
                text.Append(' ').Append(old[a++]).Append('\n');
            }

            i = j + 1;
        }

        return text.ToString();
    }

    private static int Gap(DiffPlex.Model.DiffBlock a, DiffPlex.Model.DiffBlock b) =>
        b.DeleteStartA - (a.DeleteStartA + a.DeleteCountA);

    /// <summary>Lines of the text, not counting the empty piece after a final newline.</summary>
    private static int LineCount(IReadOnlyList<string> pieces) =>
        pieces.Count > 0 && pieces[^1].Length == 0 ? pieces.Count - 1 : pieces.Count;

    /// <summary>"start,count" with diff's convention that an empty range names the line before.</summary>
    private static string Range(int start, int count) => count == 0 ? $"{start},0" : $"{start + 1},{count}";
}
