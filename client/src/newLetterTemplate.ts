/**
 * The skeleton of a new letter in the reference layout. Placeholders are in angle brackets;
 * the item outcome is left as `Upheld` so the skeleton parses as one complete item.
 */
export const NEW_LETTER_TEMPLATE = `Case Number:          CM00-0000000
Date Assigned:        <MM/DD/YYYY>
Decision Date:        <MM/DD/YYYY>
Date of Injury:       <MM/DD/YYYY>
UR Denial Date:       <MM/DD/YYYY>
Priority:             Standard
Application Received: <MM/DD/YYYY>

HOW THE IMR FINAL DETERMINATION WAS MADE

<Reviewer independence statement.>

The Expert Reviewer has the following credentials:
State(s) of Licensure: <State>
Certification(s)/Specialty: <Specialty>

CLINICAL CASE SUMMARY

<Age and sex, date of injury, diagnoses, treatment to date, and what Utilization Review
decided on which date.>

IMR ISSUES, DECISIONS AND RATIONALES

The Final Determination was based on decisions for the disputed items/services set forth below:

<Treatment as requested>: Upheld

Claims Administrator guideline: Decision based on <guideline cited by the claims administrator>.

MAXIMUS guideline: Decision based on <guideline relied upon>.

Decision rationale: <Why the guideline criteria are or are not met.> Therefore, the request
for <treatment> is not medically necessary.
`;
