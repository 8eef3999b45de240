/** Size limits shared by the create input and the import parser, so both reject the same documents. */
export const CURRICULUM_LIMITS = {
  name: 200,
  subject: 100,
  description: 5000,
  source: 500,
  license: 100,
  licenseNotice: 2000,
  url: 2000,
  gradeLevel: 20,
  gradeLevels: 50,
  /** Maximum objectives in one curriculum, so also the maximum in one create, add or import call. */
  objectives: 1000,
  code: 50,
  title: 300,
  objectiveDescription: 5000,
  domain: 300,
  cluster: 500,
  clusterEmphasis: 50,
  prerequisites: 100,
} as const;
