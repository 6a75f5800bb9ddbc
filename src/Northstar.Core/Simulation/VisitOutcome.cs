namespace Northstar.Core.Simulation;

/// <summary>How a session ends with respect to the lead form.</summary>
internal enum VisitOutcome { Browse, AbandonForm, SubmitForm }
