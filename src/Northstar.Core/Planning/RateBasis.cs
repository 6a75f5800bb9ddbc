namespace Northstar.Core.Planning;

/// <summary>Which historical conversion rate a plan uses.</summary>
public enum RateBasis
{
    /// <summary>Period ratios of the step counts (<c>mqls / leads</c> over the look-back): every pair has one.</summary>
    PeriodRatio,

    /// <summary>
    /// Cohort rates (<c>lead_to_mql_cohort_rate</c>, <c>mql_to_sql_cohort_rate</c>,
    /// <c>sql_to_opportunity_cohort_rate</c>): of the contacts entering a stage in the look-back,
    /// the share reaching the next within the cohort window. Sessions to leads and opportunities
    /// to customers have no cohort rate in the catalogue and stay period ratios.
    /// </summary>
    Cohort,
}
