namespace MantisPipeline.Secrets.Rules;

// The rule file as written, before merging and compiling. Properties are settable because
// YamlDotNet fills them; null means "not given", which matters when a user file overrides.

internal sealed class RuleFileModel
{
    public Dictionary<string, string> Fragments { get; set; } = [];

    public AllowModel Allow { get; set; } = new();

    public List<RuleModel> Rules { get; set; } = [];
}

internal sealed class AllowModel
{
    public List<string> Paths { get; set; } = [];

    public List<AllowEntryModel> Values { get; set; } = [];
}

internal sealed class AllowEntryModel
{
    public string? Description { get; set; }

    public string? Value { get; set; }

    public string? Match { get; set; }

    public string? Path { get; set; }

    public string? Payload { get; set; }
}

internal sealed class RuleModel
{
    public string? Id { get; set; }

    public bool? Enabled { get; set; }

    public string? Description { get; set; }

    public string? Severity { get; set; }

    public string? Check { get; set; }

    public string? Regex { get; set; }

    public List<string>? Keywords { get; set; }

    /// <summary>`line` (the default), `key` (anchored at the key name) or `file` (multi-line secrets).</summary>
    public string? Scope { get; set; }

    public double? Entropy { get; set; }

    public string? Remedy { get; set; }

    public List<AllowEntryModel>? Allow { get; set; }
}
