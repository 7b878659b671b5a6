namespace MantisPipeline.Gates;

public static class VerdictRules
{
    /// <summary>
    /// The verdict of a gate made of several checks. A definite failure outranks a broken
    /// measurement, which outranks missing data; only all-pass is a pass, and no checks is
    /// inconclusive.
    /// </summary>
    public static Verdict Combine(IEnumerable<Verdict> verdicts)
    {
        var all = verdicts.ToList();

        if (all.Count == 0)
        {
            return Verdict.Inconclusive;
        }

        if (all.Contains(Verdict.Fail))
        {
            return Verdict.Fail;
        }

        if (all.Contains(Verdict.Error))
        {
            return Verdict.Error;
        }

        return all.Contains(Verdict.Inconclusive) ? Verdict.Inconclusive : Verdict.Pass;
    }
}
