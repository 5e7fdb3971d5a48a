namespace SectorMesh.Contracts;

/// <summary>
/// Every resource of the contracts by its name pattern, read from the google.api.resource option of its message: handlers,
/// mappings and directories parse and format names only through these.
/// </summary>
public static class Names
{
    /// <summary>tenants/{tenant}/partnerships/{partnership}/performanceIndicators</summary>
    public static readonly ResourcePattern PartnershipPerformanceIndicators = ResourcePattern.Of(Metrics.V1.PerformanceIndicators.Descriptor);

    /// <summary>tenants/{tenant}/performanceIndicators</summary>
    public static readonly ResourcePattern StatewidePerformanceIndicators = ResourcePattern.Of(Metrics.V1.PerformanceIndicators.Descriptor, 1);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/scorecard</summary>
    public static readonly ResourcePattern PartnershipScorecard = ResourcePattern.Of(Metrics.V1.PartnershipScorecard.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/progressReviews/{progress_review}</summary>
    public static readonly ResourcePattern ProgressReview = ResourcePattern.Of(Metrics.V1.ProgressReview.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/reviewSchedule</summary>
    public static readonly ResourcePattern ReviewSchedule = ResourcePattern.Of(Metrics.V1.ReviewSchedule.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/surveys/{survey}</summary>
    public static readonly ResourcePattern Survey = ResourcePattern.Of(Metrics.V1.Survey.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/surveys/{survey}/responses/{response}</summary>
    public static readonly ResourcePattern SurveyResponse = ResourcePattern.Of(Metrics.V1.SurveyResponse.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/surveys/{survey}/results</summary>
    public static readonly ResourcePattern SurveyResults = ResourcePattern.Of(Metrics.V1.SurveyResults.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/goalMeasures/{goal_measure}</summary>
    public static readonly ResourcePattern GoalMeasure = ResourcePattern.Of(Metrics.V1.GoalMeasure.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/goalProgress</summary>
    public static readonly ResourcePattern GoalProgress = ResourcePattern.Of(Metrics.V1.GoalProgress.Descriptor);

    /// <summary>tenants/{tenant}/metricsSettings</summary>
    public static readonly ResourcePattern MetricsSettings = ResourcePattern.Of(Metrics.V1.MetricsSettings.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/employers/{organization}</summary>
    public static readonly ResourcePattern Employer = ResourcePattern.Of(Engagement.V1.EmployerEngagement.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/lmiReviews/{lmi_review}</summary>
    public static readonly ResourcePattern LmiReview = ResourcePattern.Of(Engagement.V1.LmiReview.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/lmiValidation</summary>
    public static readonly ResourcePattern LmiValidation = ResourcePattern.Of(Engagement.V1.LmiValidation.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/meetings/{meeting}</summary>
    public static readonly ResourcePattern Meeting = ResourcePattern.Of(Engagement.V1.Meeting.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/needsAnalysis</summary>
    public static readonly ResourcePattern NeedsAnalysis = ResourcePattern.Of(Engagement.V1.NeedsAnalysis.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/recognition</summary>
    public static readonly ResourcePattern Recognition = ResourcePattern.Of(Engagement.V1.Recognition.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/regionalSignificance</summary>
    public static readonly ResourcePattern RegionalSignificance = ResourcePattern.Of(Engagement.V1.RegionalSignificanceEvidence.Descriptor);

    /// <summary>tenants/{tenant}/regions/{region}/sectorSelection</summary>
    public static readonly ResourcePattern SectorSelection = ResourcePattern.Of(Engagement.V1.SectorSelection.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/skillsGapAnalyses/{analysis}</summary>
    public static readonly ResourcePattern SkillsGapAnalysis = ResourcePattern.Of(Engagement.V1.SkillsGapAnalysis.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/cohorts/{cohort}</summary>
    public static readonly ResourcePattern Cohort = ResourcePattern.Of(Engagement.V1.WorkforceCohort.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/agreements/{version}</summary>
    public static readonly ResourcePattern Agreement = ResourcePattern.Of(Partnerships.V1.Agreement.Descriptor);

    /// <summary>tenants/{tenant}/auditEntries/{audit_entry}</summary>
    public static readonly ResourcePattern AuditEntry = ResourcePattern.Of(Partnerships.V1.AuditEntry.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/committees/{committee}</summary>
    public static readonly ResourcePattern Committee = ResourcePattern.Of(Partnerships.V1.Committee.Descriptor);

    /// <summary>tenants/{tenant}/organizations/{organization}</summary>
    public static readonly ResourcePattern Organization = ResourcePattern.Of(Partnerships.V1.Organization.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/partners/{organization}</summary>
    public static readonly ResourcePattern Partner = ResourcePattern.Of(Partnerships.V1.Partner.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}</summary>
    public static readonly ResourcePattern Partnership = ResourcePattern.Of(Partnerships.V1.Partnership.Descriptor);

    /// <summary>tenants/{tenant}/regions/{region}</summary>
    public static readonly ResourcePattern Region = ResourcePattern.Of(Partnerships.V1.Region.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/strategies/{strategy}</summary>
    public static readonly ResourcePattern Strategy = ResourcePattern.Of(Partnerships.V1.SectorStrategy.Descriptor);

    /// <summary>tenants/{tenant}</summary>
    public static readonly ResourcePattern Tenant = ResourcePattern.Of(Partnerships.V1.Tenant.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/capacityBuilding/{activity}</summary>
    public static readonly ResourcePattern CapacityBuilding = ResourcePattern.Of(Pathways.V1.CapacityBuildingActivity.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/careerPathways/{career_pathway}</summary>
    public static readonly ResourcePattern CareerPathway = ResourcePattern.Of(Pathways.V1.CareerPathway.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/jobQualityAssessments/{job_quality_assessment}</summary>
    public static readonly ResourcePattern JobQualityAssessment = ResourcePattern.Of(Pathways.V1.JobQualityAssessment.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/jobQualityGuidelines</summary>
    public static readonly ResourcePattern JobQualityGuidelines = ResourcePattern.Of(Pathways.V1.JobQualityGuidelines.Descriptor);

    /// <summary>tenants/{tenant}/occupations/{soc_code}</summary>
    public static readonly ResourcePattern Occupation = ResourcePattern.Of(Pathways.V1.Occupation.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/participants/{participant}</summary>
    public static readonly ResourcePattern Participant = ResourcePattern.Of(Pathways.V1.Participant.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/participants/{participant}/personalData</summary>
    public static readonly ResourcePattern ParticipantPersonalData = ResourcePattern.Of(Pathways.V1.ParticipantPersonalData.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/placements/{placement}</summary>
    public static readonly ResourcePattern Placement = ResourcePattern.Of(Pathways.V1.Placement.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/programCoverage</summary>
    public static readonly ResourcePattern ProgramCoverage = ResourcePattern.Of(Pathways.V1.ProgramCoverage.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/participants/{participant}/referrals/{referral}</summary>
    public static readonly ResourcePattern Referral = ResourcePattern.Of(Pathways.V1.Referral.Descriptor);

    /// <summary>tenants/{tenant}/programs/{program}</summary>
    public static readonly ResourcePattern Program = ResourcePattern.Of(Pathways.V1.TrainingProgram.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/workBasedLearning/{opportunity}</summary>
    public static readonly ResourcePattern WorkBasedLearning = ResourcePattern.Of(Pathways.V1.WorkBasedLearningOpportunity.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/workerFeedback/{feedback}</summary>
    public static readonly ResourcePattern WorkerFeedback = ResourcePattern.Of(Pathways.V1.WorkerFeedback.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/workerVoiceSummary</summary>
    public static readonly ResourcePattern WorkerVoiceSummary = ResourcePattern.Of(Pathways.V1.WorkerVoiceSummary.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/commitments/{commitment}</summary>
    public static readonly ResourcePattern Commitment = ResourcePattern.Of(Resources.V1.Commitment.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/fundingSources/{funding_source}</summary>
    public static readonly ResourcePattern FundingSource = ResourcePattern.Of(Resources.V1.FundingSource.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/resourceNeeds/{resource_need}</summary>
    public static readonly ResourcePattern ResourceNeed = ResourcePattern.Of(Resources.V1.ResourceNeed.Descriptor);

    /// <summary>tenants/{tenant}/partnerships/{partnership}/resourceReport</summary>
    public static readonly ResourcePattern ResourceReport = ResourcePattern.Of(Resources.V1.ResourceReport.Descriptor);
}
