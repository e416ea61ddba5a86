using Jiju.Domain.Common;

namespace Jiju.Domain.Environmental;

/// <summary>The four major pollutants under total-emission control (主要污染物排放总量控制, art. 18).</summary>
public enum Pollutant
{
    [Zh("化学需氧量")] Cod = 1,
    [Zh("氨氮")] AmmoniaNitrogen = 2,
    [Zh("二氧化硫")] SulphurDioxide = 3,
    [Zh("氮氧化物")] NitrogenOxides = 4,
}
