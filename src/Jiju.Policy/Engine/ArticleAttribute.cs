namespace Jiju.Policy.Engine;

/// <summary>
/// The article (（一）…（二十七）) of the 2012 opinions a rule implements, and the Chinese clause it
/// quotes: the trace shows both to the official reading a decision.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ArticleAttribute(int number, string clause) : Attribute
{
    public int Number { get; } = number;

    public string Clause { get; } = clause;

    /// <summary>The part (一 … 十) the article belongs to, as POLICY.md groups them.</summary>
    public static string PartOf(int article) => article switch
    {
        <= 2 => "一、加强规划指导，优化空间布局",
        <= 5 => "二、突出主导产业，壮大产业集群",
        <= 8 => "三、完善土地整理平台，落实土地利用管理三项机制",
        <= 11 => "四、做大资金融通平台，强化资金保障",
        <= 13 => "五、加强人力资源平台建设，满足人才需求",
        <= 16 => "六、理顺管理体制，提高发展活力",
        <= 19 => "七、加强环境保护，发展循环经济",
        <= 23 => "八、完善服务功能，提升配套能力",
        <= 25 => "九、加快村庄迁并，促进产城互动",
        _ => "十、强化扶持政策，完善激励机制",
    };

    /// <summary>The article's number as the text writes it: 7 → （七）.</summary>
    public static string Chinese(int article)
    {
        string[] digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
        var text = article switch
        {
            < 10 => digits[article],
            10 => "十",
            < 20 => "十" + digits[article - 10],
            _ => digits[article / 10] + "十" + digits[article % 10],
        };
        return $"（{text}）";
    }
}
