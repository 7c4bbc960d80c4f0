/**
 * Coding exercises: fictional case narratives (teaching examples, not real seizures — every
 * country is invented) with the record a careful coder would make, and why. The key never
 * leaves the server until the participant has coded the case.
 */
import type { SeizureForm } from './seizure-rules';

/** One exercise. */
export type CodingCase = {
	id: string;
	title: string;
	/** The curriculum module the case belongs to. */
	moduleId: string;
	/** The story to code, paragraph by paragraph. */
	narrative: string[];
	/** The expected record. */
	key: SeizureForm;
	/** Why a field is coded as it is, where people tend to slip. */
	notes: Partial<Record<keyof SeizureForm, string>>;
};

const blank = { remarks: '' };

/** The exercises, in teaching order. */
export const codingCases: CodingCase[] = [
	{
		id: 'airport-meth-transit',
		title: 'Methamphetamine in a suitcase, via a hub',
		moduleId: 'cen-database-and-data-quality',
		narrative: [
			'On 14 March 2025 an officer of Lumeria Customs at the capital’s international airport selected an arriving passenger for examination because the itinerary matched a risk profile: a ticket bought in cash, Solvane to Lumeria with a change of planes in Qasra.',
			'In the lining of the passenger’s checked suitcase the officer found four vacuum-sealed packets of crystalline powder. The laboratory confirmed methamphetamine; the net weight was 2,400 grams.',
			'The passenger holds a Solvane passport. The goods are believed to have been made in Solvane.',
		],
		key: {
			...blank,
			seizureDate: '2025-03-14',
			reportingCountry: 'Lumeria',
			placeType: 'airport',
			detectionMethod: 'risk profile',
			commodityCategory: 'drugs',
			commodityType: 'methamphetamine',
			quantity: '2.4',
			unit: 'kg',
			concealment: 'in checked baggage',
			transportMode: 'air passenger',
			originCountry: 'Solvane',
			departureCountry: 'Solvane',
			transitCountry: 'Qasra',
			destinationCountry: 'Lumeria',
			nationalities: 'Solvane',
		},
		notes: {
			quantity: '2,400 grams is 2.4 kg: drugs are recorded by weight, best in kg.',
			transitCountry: 'The change of planes in Qasra makes it the transit country.',
			detectionMethod: 'The selection came from the itinerary matching a risk profile.',
			nationalities: 'Only the nationality is coded — never the passenger’s name.',
		},
	},
	{
		id: 'container-cigarettes-cartons',
		title: 'Cigarettes in a container declared as tiles',
		moduleId: 'cen-database-and-data-quality',
		narrative: [
			'On 2 September 2025 Aldoria Customs scanned a 40-foot sea container at the port of its capital. The manifest declared ceramic tiles, shipped from Rostavia and transhipped in Ithmar.',
			'The x-ray image showed no tiles at all. The container held 490 master cases of cigarettes, each with 50 cartons of 200 cigarettes. The cigarettes were made in Rostavia.',
			'The consignee is a company registered in Aldoria; no person was identified at the time of the seizure.',
		],
		key: {
			...blank,
			seizureDate: '2025-09-02',
			reportingCountry: 'Aldoria',
			placeType: 'seaport',
			detectionMethod: 'x-ray scan',
			commodityCategory: 'tobacco',
			commodityType: 'cigarettes',
			quantity: '4900000',
			unit: 'sticks',
			concealment: 'misdeclared as other goods',
			transportMode: 'sea container',
			originCountry: 'Rostavia',
			departureCountry: 'Rostavia',
			transitCountry: 'Ithmar',
			destinationCountry: 'Aldoria',
			nationalities: '',
		},
		notes: {
			quantity:
				'490 master cases × 50 cartons × 200 sticks = 4,900,000 sticks. Cigarettes are counted in sticks, not cartons or cases.',
			concealment: 'Nothing was hidden: the whole load was declared as other goods.',
			nationalities: 'No person was identified, so no nationality is coded.',
		},
	},
	{
		id: 'aircargo-pangolin-scales',
		title: 'Pangolin scales among dried fish maw',
		moduleId: 'cen-database-and-data-quality',
		narrative: [
			'On 21 June 2025 Pellucia Customs at the airport cargo terminal examined an air consignment of dried fish maw flown in directly from Corvalia, after a regional intelligence report named the shipper.',
			'Among the sacks of fish maw were 25 sacks of pangolin scales, weighing 312.5 kg in all. Officers believe the scales came from Galdera and were only shipped from Corvalia.',
			'The consignee’s representative, a national of Pellucia, was questioned.',
		],
		key: {
			...blank,
			seizureDate: '2025-06-21',
			reportingCountry: 'Pellucia',
			placeType: 'airport',
			detectionMethod: 'intelligence',
			commodityCategory: 'wildlife',
			commodityType: 'pangolin scales',
			quantity: '312.5',
			unit: 'kg',
			concealment: 'mixed with legitimate cargo',
			transportMode: 'air cargo',
			originCountry: 'Galdera',
			departureCountry: 'Corvalia',
			transitCountry: '',
			destinationCountry: 'Pellucia',
			nationalities: 'Pellucia',
		},
		notes: {
			originCountry:
				'Origin is where the goods come from (Galdera); departure is where they were shipped from (Corvalia).',
			transitCountry: 'The flight was direct, so the transit country stays empty.',
			detectionMethod: 'The examination followed an intelligence report.',
		},
	},
	{
		id: 'outbound-cash-strapped',
		title: 'Undeclared cash on a departing passenger',
		moduleId: 'routes-concealment-and-networks',
		narrative: [
			'On 5 November 2025, during a random check of passengers leaving Veronia’s main airport for Qasra, Veronia Customs found banknotes strapped to a passenger’s legs under the clothing.',
			'The notes were counted at USD 84,500. The passenger had declared no cash.',
			'The passenger holds passports of both Aldoria and Veronia.',
		],
		key: {
			...blank,
			seizureDate: '2025-11-05',
			reportingCountry: 'Veronia',
			placeType: 'airport',
			detectionMethod: 'random check',
			commodityCategory: 'currency',
			commodityType: 'undeclared cash',
			quantity: '84500',
			unit: 'USD',
			concealment: 'strapped to body',
			transportMode: 'air passenger',
			originCountry: '',
			departureCountry: 'Veronia',
			transitCountry: '',
			destinationCountry: 'Qasra',
			nationalities: 'Aldoria, Veronia',
		},
		notes: {
			departureCountry:
				'An outbound case: the cash was leaving Veronia, so Veronia is the departure.',
			originCountry: 'The case says nothing about where the cash came from: leave origin empty.',
			nationalities: 'Code both nationalities of a dual national.',
		},
	},
];

/** An exercise by id, or null. */
export function findCase(id: string): CodingCase | null {
	return codingCases.find((c) => c.id === id) ?? null;
}
