using Jiju.Domain.Common;

namespace Jiju.Domain.Land;

/// <summary>
/// A land-use class of GB/T 21010-2017《土地利用现状分类》: a first-level class (2 digits) or a
/// second-level class (4 digits), plus 0810A 广场用地 from the standard's appendix, which the
/// policy's ban on large plazas (art. 1) needs.
/// </summary>
public readonly record struct LandUseClass
{
    private LandUseClass(string value) => Value = value;

    public string Value { get; }

    public string Name => Classes[Value];

    public string FirstLevel => Value[..2];

    public bool IsIndustrial => Value is "0601" || (Value.Length == 2 && Value == "06");

    /// <summary>05 商服用地 and its subclasses.</summary>
    public bool IsCommercial => FirstLevel == "05";

    /// <summary>07 住宅用地: what real-estate development (房地产开发) builds.</summary>
    public bool IsResidential => FirstLevel == "07";

    public bool IsWithin(LandUseClass other) => Value.StartsWith(other.Value, StringComparison.Ordinal);

    public static ParseResult<LandUseClass> Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(t))
        {
            return ParseResult<LandUseClass>.Fail("土地用途分类为空");
        }

        return Classes.ContainsKey(t)
            ? ParseResult<LandUseClass>.Ok(new LandUseClass(t))
            : ParseResult<LandUseClass>.Fail($"“{t}”不是 GB/T 21010-2017 土地利用现状分类代码");
    }

    public static LandUseClass Of(string text) => Parse(text).Value;

    public static IReadOnlyDictionary<string, string> All => Classes;

    public override string ToString() => Value;

    private static readonly Dictionary<string, string> Classes = new(StringComparer.Ordinal)
    {
        ["01"] = "耕地",
        ["0101"] = "水田",
        ["0102"] = "水浇地",
        ["0103"] = "旱地",
        ["02"] = "园地",
        ["0201"] = "果园",
        ["0202"] = "茶园",
        ["0203"] = "橡胶园",
        ["0204"] = "其他园地",
        ["03"] = "林地",
        ["0301"] = "乔木林地",
        ["0302"] = "竹林地",
        ["0303"] = "红树林地",
        ["0304"] = "森林沼泽",
        ["0305"] = "灌木林地",
        ["0306"] = "灌丛沼泽",
        ["0307"] = "其他林地",
        ["04"] = "草地",
        ["0401"] = "天然牧草地",
        ["0402"] = "沼泽草地",
        ["0403"] = "人工牧草地",
        ["0404"] = "其他草地",
        ["05"] = "商服用地",
        ["0501"] = "零售商业用地",
        ["0502"] = "批发市场用地",
        ["0503"] = "餐饮用地",
        ["0504"] = "旅馆用地",
        ["0505"] = "商务金融用地",
        ["0506"] = "娱乐用地",
        ["0507"] = "其他商服用地",
        ["06"] = "工矿仓储用地",
        ["0601"] = "工业用地",
        ["0602"] = "采矿用地",
        ["0603"] = "盐田",
        ["0604"] = "仓储用地",
        ["07"] = "住宅用地",
        ["0701"] = "城镇住宅用地",
        ["0702"] = "农村宅基地",
        ["08"] = "公共管理与公共服务用地",
        ["0801"] = "机关团体用地",
        ["0802"] = "新闻出版用地",
        ["0803"] = "教育用地",
        ["0804"] = "科研用地",
        ["0805"] = "医疗卫生用地",
        ["0806"] = "社会福利用地",
        ["0807"] = "文化设施用地",
        ["0808"] = "体育用地",
        ["0809"] = "公用设施用地",
        ["0810"] = "公园与绿地",
        ["0810A"] = "广场用地",
        ["09"] = "特殊用地",
        ["0901"] = "军事设施用地",
        ["0902"] = "使领馆用地",
        ["0903"] = "监教场所用地",
        ["0904"] = "宗教用地",
        ["0905"] = "殡葬用地",
        ["0906"] = "风景名胜设施用地",
        ["10"] = "交通运输用地",
        ["1001"] = "铁路用地",
        ["1002"] = "轨道交通用地",
        ["1003"] = "公路用地",
        ["1004"] = "城镇村道路用地",
        ["1005"] = "交通服务场站用地",
        ["1006"] = "农村道路",
        ["1007"] = "机场用地",
        ["1008"] = "港口码头用地",
        ["1009"] = "管道运输用地",
        ["11"] = "水域及水利设施用地",
        ["1101"] = "河流水面",
        ["1102"] = "湖泊水面",
        ["1103"] = "水库水面",
        ["1104"] = "坑塘水面",
        ["1105"] = "沿海滩涂",
        ["1106"] = "内陆滩涂",
        ["1107"] = "沟渠",
        ["1108"] = "沼泽地",
        ["1109"] = "水工建筑用地",
        ["1110"] = "冰川及永久积雪",
        ["12"] = "其他土地",
        ["1201"] = "空闲地",
        ["1202"] = "设施农用地",
        ["1203"] = "田坎",
        ["1204"] = "盐碱地",
        ["1205"] = "沙地",
        ["1206"] = "裸土地",
        ["1207"] = "裸岩石砾地",
    };
}
