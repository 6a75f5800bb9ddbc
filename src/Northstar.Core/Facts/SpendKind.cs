namespace Northstar.Core.Facts;

/// <summary>What the money was spent on; every kind but Service counts as acquisition spend.</summary>
public enum SpendKind { Media, Creative, Tools, People, Service }
