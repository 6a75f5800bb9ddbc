namespace Northstar.Core.Simulation;

/// <summary>How far a simulation run is: days done of the total, facts and events written so far.</summary>
public readonly record struct SimulationProgress(int DaysDone, int TotalDays, long Events, long Facts);
