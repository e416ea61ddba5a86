using Jiju.Domain.Common;

namespace Jiju.Domain.Industries;

/// <summary>
/// One industry code of one segment of a leading industry's chain (art. 4: 推动产业链纵向链接、侧向配套).
/// A chain is the rows of one leading industry; a segment is the rows sharing its order and name. One row per
/// code keeps the table flat and importable. Province reference data: officials define the chains.
/// </summary>
[Zh("产业链环节")]
public sealed class IndustrialChainLink : IReferenceData, ISelfValidating
{
    public long Id { get; init; }

    [Zh("主导产业代码")]
    public required IndustryCode LeadingIndustry { get; init; }

    [Zh("环节序号")]
    public required int SegmentOrder { get; init; }

    [Zh("环节名称")]
    public required string SegmentName { get; init; }

    [Zh("环节位置")]
    public required ChainPosition Position { get; init; }

    [Zh("环节行业代码")]
    public required IndustryCode Industry { get; init; }

    public IEnumerable<FieldError> Validate()
    {
        if (SegmentOrder < 1)
        {
            yield return new FieldError(nameof(SegmentOrder), "环节序号从1开始");
        }

        if (string.IsNullOrWhiteSpace(SegmentName))
        {
            yield return new FieldError(nameof(SegmentName), "环节名称不能为空");
        }
    }
}

public enum ChainPosition
{
    [Zh("上游")] Upstream = 1,
    [Zh("中游")] Midstream = 2,
    [Zh("下游")] Downstream = 3,
    [Zh("配套服务")] Supporting = 4,
}
