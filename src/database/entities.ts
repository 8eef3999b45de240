import { ApiKey } from '../organizations/api-key.entity';
import { Organization } from '../organizations/organization.entity';
import { Curriculum } from '../curricula/curriculum.entity';
import { Objective } from '../curricula/objective.entity';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Member } from '../members/member.entity';
import { Guardian } from '../students/guardian.entity';
import { Student } from '../students/student.entity';
import { StudentGuardian } from '../students/student-guardian.entity';

/** Every TypeORM entity; the modules register their own repositories with forFeature. */
export const ENTITIES = [
  Organization,
  ApiKey,
  Member,
  Student,
  Guardian,
  StudentGuardian,
  Curriculum,
  Objective,
  Enrollment,
];
