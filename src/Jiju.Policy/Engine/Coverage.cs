namespace Jiju.Policy.Engine;

/// <summary>One article of the 27: the rules that implement it, or why it is not formalised as rules.</summary>
public sealed record ArticleCoverage(int Article, string Part, IReadOnlyList<IRule> Rules, string? NotFormalisedBecause);

/// <summary>
/// Which rules implement each article, and, for the articles that are organisational guidance rather
/// than decisions, what in Jiju covers them instead. A test fails when an article has neither.
/// </summary>
public static class Coverage
{
    /// <summary>Articles deliberately not formalised as rules, and what covers them (as Catala states what it leaves out).</summary>
    public static IReadOnlyDictionary<int, string> NotFormalised { get; } = new Dictionary<int, string>
    {
        [9] = "增强平台实力：通过注入资产、增资扩股等方式扩大平台资本，属组织措施；投融资平台登记（注册资本、注入资产）记录其结果，第十一条的补贴规则据此计算",
        [10] = "提高运作水平：人员培训、合作模式、示范工程、小额贷款公司试点，属组织措施，无可判定的数值条件",
        [12] = "提高人力资源素质：整合培训资源、定向培训、发布高层次人才需求目录；用工需求登记（含高层次人才）与培训基地登记记录其结果，补助资格见第十三条规则",
        [15] = "理顺管理体制：村庄委托管理、区划调整为行政决定，无可判定的数值条件",
        [16] = "提高管理效能：职能部门派驻人员、“直通车”制度，属机构设置，由审批流程承载",
        [20] = "技术创新平台建设：省级及以上重点实验室、工程技术研究中心登记于服务设施，其完备程度计入年度考核",
        [21] = "产业配套服务能力：检验检测中心、物流园区与配送中心登记于服务设施，计入年度考核",
        [22] = "公共服务设施建设：综合服务中心登记于服务设施，计入年度考核",
        [23] = "基础设施配套能力：道路、电网（变电容量）、信息网络登记于服务设施，计入年度考核",
        [25] = "保障搬迁村民权益：村庄登记记录在集聚区就业的搬迁村民人数；转户保障与安置模式为政策措施，无可判定的数值条件",
        [27] = "完善考核评价体系：年度考核指标、排序与结果运用，由考核模块（Jiju.Assessment）实现，其结果供第二条“增调降退”与第十四条管理机构升降级使用",
    };

    public static IReadOnlyList<ArticleCoverage> Articles() =>
        Enumerable.Range(1, 27)
            .Select(n => new ArticleCoverage(
                n,
                ArticleAttribute.PartOf(n),
                RuleCatalog.All.Where(r => r.Article.Number == n).ToList(),
                NotFormalised.GetValueOrDefault(n)))
            .ToList();
}
