using MantisPipeline.Findings;

namespace MantisPipeline.Audit.Rules;

/// <summary>Reads the audit input and reports what one or more rules find in it.</summary>
internal interface IAuditCheck
{
    IEnumerable<Finding> Check(AuditInput input);
}
