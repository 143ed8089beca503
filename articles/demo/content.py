"""Demo content for the news desk: the Port Halden Chronicle.

Everything here is invented for this project. Port Halden is a fictional
mid-sized coastal city; its council, harbour authority, university, hospital,
football club, tram network, people and news agencies do not exist. The
``load_demo`` command turns these plain structures into sections, authors,
photos (drawn by ``articles.demo.pictures``) and stories.

Times are relative: a story is published ``hours_ago`` hours before the moment
the demo is loaded (negative means scheduled for the future), so the front page
always looks current.
"""


def _body(text: str) -> str:
    """Join a body written one block per line into stored HTML, with nothing between blocks."""
    return "".join(line.strip() for line in text.strip().splitlines() if line.strip())


SECTIONS = [
    {
        "name": "City",
        "slug": "city",
        "description": "News from Port Halden's streets, neighbourhoods and public services.",
    },
    {
        "name": "Politics",
        "slug": "politics",
        "description": "The city council, the harbour board and the decisions that shape Port Halden.",
    },
    {
        "name": "Business",
        "slug": "business",
        "description": "The port, the shops, the jobs and the money moving through the city.",
    },
    {
        "name": "Sport",
        "slug": "sport",
        "description": "Port Halden Athletic, the rowing clubs and the runners, reported from the touchline.",
    },
    {
        "name": "Culture",
        "slug": "culture",
        "description": "Film, theatre, music, books and heritage across the city.",
    },
    {
        "name": "Special Reports",
        "slug": "special-reports",
        "description": "Long-form investigations and explainers from the Chronicle's reporting team.",
    },
]

AUTHORS = [
    {
        "name": "Maren Tolland",
        "slug": "maren-tolland",
        "role": "Transport correspondent",
        "bio": "Maren Tolland has covered Port Halden's trams, buses, ferries and roads since 2019. She rides every new line on its first public day and keeps a spreadsheet of every timetable change since the network opened.",
        "portrait_seed": 32,
    },
    {
        "name": "Callum Ashby",
        "slug": "callum-ashby",
        "role": "Political editor",
        "bio": "Callum Ashby leads the Chronicle's coverage of the city council and the harbour board. He joined the paper as a court reporter in 2012 and has sat through more budget meetings than he cares to count.",
        "portrait_seed": 35,
    },
    {
        "name": "Priya Vennard",
        "slug": "priya-vennard",
        "role": "Business editor",
        "bio": "Priya Vennard writes about the port, the city's employers and the cost of living. Before joining the Chronicle she spent eight years reporting on shipping and logistics.",
        "portrait_seed": 27,
    },
    {
        "name": "Elias Fenwright",
        "slug": "elias-fenwright",
        "role": "Chief sports writer",
        "bio": "Elias Fenwright has reported on Port Halden Athletic home and away for eleven seasons. He also covers the city's rowing clubs and the annual half marathon, which he has run four times.",
        "portrait_seed": 40,
    },
    {
        "name": "Sofia Calloway",
        "slug": "sofia-calloway",
        "role": "Arts and culture correspondent",
        "bio": "Sofia Calloway reviews theatre, film and music and reports on the city's cultural institutions. She chairs the judging panel of the Chronicle's young critics scheme.",
        "portrait_seed": 38,
    },
    {
        "name": "Jonah Pietersz",
        "slug": "jonah-pietersz",
        "role": "Health and science reporter",
        "bio": "Jonah Pietersz covers Port Halden General Hospital, public health and research at the University of Port Halden. He trained as a marine biologist before moving into journalism.",
        "portrait_seed": 30,
    },
    {
        "name": "Aoife Lindqvist",
        "slug": "aoife-lindqvist",
        "role": "City reporter",
        "bio": "Aoife Lindqvist reports on Port Halden's neighbourhoods, parks, markets and public services. Readers' tip-offs to the city desk usually land in her inbox first.",
        "portrait_seed": 20,
    },
    {
        "name": "Ines Harrowgate",
        "slug": "ines-harrowgate",
        "role": "Investigations editor",
        "bio": "Ines Harrowgate leads the Chronicle's special reports team. Her work on the city's housing and public spending has used hundreds of freedom of information requests and years of public records.",
        "portrait_seed": 22,
    },
]

PHOTOS = [
    {
        "key": "harbour-cranes-dawn",
        "scene": "harbour",
        "seed": 9,
        "caption": "Ship-to-shore cranes at the Eastquay container terminal in the early morning light.",
        "alt_text": "Three blue gantry cranes stand on a quay beside stacks of coloured containers, with a loaded container ship on calm water under a low sun.",
        "photographer": "Rhona Keill",
        "source": "Port Halden Chronicle",
        "credit": "Rhona Keill/Port Halden Chronicle",
    },
    {
        "key": "harbour-container-ship",
        "scene": "harbour",
        "seed": 11,
        "caption": "A container ship waits off Berth 7 as red gantry cranes work the quay.",
        "alt_text": "A dark-hulled container ship stacked with coloured boxes sits on blue water beside a quay where red gantry cranes rise over container stacks, under a bright sky with white clouds.",
        "photographer": "Jory Tremayne",
        "source": "Coastline Wire",
        "credit": "Jory Tremayne/Coastline Wire",
    },
    {
        "key": "harbour-quay-evening",
        "scene": "harbour",
        "seed": 3,
        "caption": "Evening falls over the working quays at Eastquay.",
        "alt_text": "Silhouetted gantry cranes and container stacks on a quay at sunset, with a red-hulled cargo ship on water that reflects an orange and purple sky.",
        "photographer": "Benedikt Aalto",
        "source": "Port Halden Chronicle",
        "credit": "Benedikt Aalto/Port Halden Chronicle",
    },
    {
        "key": "skyline-old-quay-dusk",
        "scene": "skyline",
        "seed": 6,
        "caption": "The Old Quay skyline at dusk, seen from across the river Hald.",
        "alt_text": "A row of office towers with lit windows stands along a waterfront under a purple dusk sky, their reflections broken by ripples in the water.",
        "photographer": "Rhona Keill",
        "source": "Port Halden Chronicle",
        "credit": "Rhona Keill/Port Halden Chronicle",
    },
    {
        "key": "skyline-northgate-night",
        "scene": "skyline",
        "seed": 2,
        "caption": "Northgate's office district at night.",
        "alt_text": "Tall buildings with many lit yellow windows under a dark starry sky with a full moon, reflected in dark water in the foreground.",
        "photographer": "Marek Dunmore",
        "source": "Northern Press Agency",
        "credit": "Marek Dunmore/Northern Press Agency",
    },
    {
        "key": "street-cobble-row",
        "scene": "street",
        "seed": 4,
        "caption": "Cobble Row, where eleven shopfronts have been restored under the heritage grant scheme.",
        "alt_text": "A straight street of three- and four-storey buildings in cream, grey and terracotta stretches to a vanishing point under a blue sky, with lamp posts along both pavements.",
        "photographer": "Isaura Penhale",
        "source": "Port Halden Chronicle",
        "credit": "Isaura Penhale/Port Halden Chronicle",
    },
    {
        "key": "street-lantern-hill-night",
        "scene": "street",
        "seed": 1,
        "caption": "Lantern Hill Road after dark.",
        "alt_text": "A long city street at night with lit windows in the buildings on both sides, glowing street lamps receding into the distance and a few pedestrians on the pavement.",
        "photographer": "Benedikt Aalto",
        "source": "Port Halden Chronicle",
        "credit": "Benedikt Aalto/Port Halden Chronicle",
    },
    {
        "key": "tram-line3-test",
        "scene": "tram",
        "seed": 4,
        "caption": "A Line 3 tram on a test run through Fennick.",
        "alt_text": "A white articulated tram with a red stripe and a pantograph touching the overhead wire passes low buildings on a sunny day, with people waiting beside the rails.",
        "photographer": "Isaura Penhale",
        "source": "Port Halden Chronicle",
        "credit": "Isaura Penhale/Port Halden Chronicle",
    },
    {
        "key": "tram-westcliff-stop",
        "scene": "tram",
        "seed": 2,
        "caption": "A late tram calls at the Westcliff stop.",
        "alt_text": "A dark red tram with lit windows and passengers inside stands under overhead wires at night, beneath a full moon, with lit flats behind it.",
        "photographer": "Jory Tremayne",
        "source": "Coastline Wire",
        "credit": "Jory Tremayne/Coastline Wire",
    },
    {
        "key": "park-fennick-park",
        "scene": "park",
        "seed": 1,
        "caption": "Walkers on the main path through Fennick Park.",
        "alt_text": "A curving sandy path runs through a green park between broadleaf and conifer trees, with a bench and a few people walking, under a blue sky with white clouds.",
        "photographer": "Rhona Keill",
        "source": "Port Halden Chronicle",
        "credit": "Rhona Keill/Port Halden Chronicle",
    },
    {
        "key": "park-brackwater-green",
        "scene": "park",
        "seed": 9,
        "caption": "Late afternoon on Brackwater Green.",
        "alt_text": "People walk along a path across a park in warm low sunlight, passing clumps of trees, a bench and a small pond, with rooftops on the horizon.",
        "photographer": "Svea Holloway",
        "source": "Harbourlight Images",
        "credit": "Svea Holloway/Harbourlight Images",
    },
    {
        "key": "market-saltmarsh-market",
        "scene": "market",
        "seed": 6,
        "caption": "Stalls on a weekday morning at Saltmarsh Market.",
        "alt_text": "A row of market stalls with striped yellow, green, blue and red awnings and crates of fruit, in front of old gabled houses, with shoppers walking past.",
        "photographer": "Isaura Penhale",
        "source": "Port Halden Chronicle",
        "credit": "Isaura Penhale/Port Halden Chronicle",
    },
    {
        "key": "market-night-market",
        "scene": "market",
        "seed": 11,
        "caption": "The Saltmarsh night market under strings of lights.",
        "alt_text": "Market stalls with striped awnings at night under a moonlit sky, with lit windows in the houses behind and shoppers among the stalls.",
        "photographer": "Benedikt Aalto",
        "source": "Port Halden Chronicle",
        "credit": "Benedikt Aalto/Port Halden Chronicle",
    },
    {
        "key": "stadium-eastquay-matchday",
        "scene": "stadium",
        "seed": 9,
        "caption": "A full house at Eastquay Stadium.",
        "alt_text": "A football pitch with mowing stripes and white markings seen from high in a stand, with players spread across it, a packed stand opposite and fans' heads in the foreground.",
        "photographer": "Marek Dunmore",
        "source": "Northern Press Agency",
        "credit": "Marek Dunmore/Northern Press Agency",
    },
    {
        "key": "stadium-floodlights",
        "scene": "stadium",
        "seed": 7,
        "caption": "Eastquay Stadium under the floodlights.",
        "alt_text": "A floodlit football pitch at night seen from the stands, with banks of lights on tall masts at either corner and a crowded stand beneath a starry sky.",
        "photographer": "Marek Dunmore",
        "source": "Northern Press Agency",
        "credit": "Marek Dunmore/Northern Press Agency",
    },
    {
        "key": "chamber-council-vote",
        "scene": "chamber",
        "seed": 3,
        "caption": "Councillors in the Guildhall chamber for the vote.",
        "alt_text": "A wood-panelled council chamber seen from the back: curved rows of desks with microphones, councillors seated at them, and the chair's raised bench beneath a city crest and two flags.",
        "photographer": "Rhona Keill",
        "source": "Port Halden Chronicle",
        "credit": "Rhona Keill/Port Halden Chronicle",
    },
    {
        "key": "chamber-budget-debate",
        "scene": "chamber",
        "seed": 25,
        "caption": "The budget debate in the Guildhall chamber.",
        "alt_text": "Curved tiers of wooden desks filled with seated councillors face a raised bench where three officials sit beneath a gold-framed crest flanked by green and blue flags.",
        "photographer": "Rhona Keill",
        "source": "Port Halden Chronicle",
        "credit": "Rhona Keill/Port Halden Chronicle",
    },
    {
        "key": "portrait-harbour-chief",
        "scene": "portrait",
        "seed": 13,
        "caption": "Tomas Brandvold, chief executive of the Port Halden Harbour Authority.",
        "alt_text": "A bearded man with short brown hair, wearing a red jacket over a light blue shirt, in front of a softly blurred office background.",
        "photographer": "Benedikt Aalto",
        "source": "Port Halden Chronicle",
        "credit": "Benedikt Aalto/Port Halden Chronicle",
    },
    {
        "key": "portrait-vice-chancellor",
        "scene": "portrait",
        "seed": 27,
        "caption": "Professor Adaeze Linwood, vice-chancellor of the University of Port Halden.",
        "alt_text": "A woman with long grey hair wearing a dark purple suit and a blue tie, in front of a blurred background of soft lights.",
        "photographer": "Svea Holloway",
        "source": "Harbourlight Images",
        "credit": "Svea Holloway/Harbourlight Images",
    },
    {
        "key": "portrait-festival-director",
        "scene": "portrait",
        "seed": 31,
        "caption": "Orla Quennell, director of the Halden Film Festival.",
        "alt_text": "A woman with curly red hair wearing a green jacket and a dark shirt and tie, in front of a blurred background.",
        "photographer": "Isaura Penhale",
        "source": "Port Halden Chronicle",
        "credit": "Isaura Penhale/Port Halden Chronicle",
    },
    {
        "key": "portrait-club-manager",
        "scene": "portrait",
        "seed": 36,
        "caption": "Dana Kettering, manager of Port Halden Athletic.",
        "alt_text": "A person with short brown hair wearing a pale blue V-neck top, in front of a dark blurred background with spots of coloured light.",
        "photographer": "Marek Dunmore",
        "source": "Northern Press Agency",
        "credit": "Marek Dunmore/Northern Press Agency",
    },
    {
        "key": "campus-university-quad",
        "scene": "campus",
        "seed": 1,
        "caption": "The Quadrangle at the University of Port Halden's Westcliff campus.",
        "alt_text": "A long brick university building with a columned portico and a clock tower faces a lawn crossed by paths, with trees on either side and students walking.",
        "photographer": "Svea Holloway",
        "source": "Harbourlight Images",
        "credit": "Svea Holloway/Harbourlight Images",
    },
    {
        "key": "campus-library-lawn",
        "scene": "campus",
        "seed": 4,
        "caption": "The Marlow Library, home of the university's special collections.",
        "alt_text": "A pale stone building with a portico, rows of windows and a clock tower, seen across a lawn in warm evening light, with people on the paths.",
        "photographer": "Rhona Keill",
        "source": "Port Halden Chronicle",
        "credit": "Rhona Keill/Port Halden Chronicle",
    },
    {
        "key": "storm-seafront-waves",
        "scene": "storm",
        "seed": 4,
        "caption": "Waves break over the Westcliff sea wall as lightning strikes offshore.",
        "alt_text": "At night in heavy rain, rough sea throws spray over the railings of a seafront promenade, with a lightning bolt in the dark clouds and a red and white lighthouse shining its beam on the right.",
        "photographer": "Jory Tremayne",
        "source": "Coastline Wire",
        "credit": "Jory Tremayne/Coastline Wire",
    },
    {
        "key": "storm-lantern-hill-flooding",
        "scene": "storm",
        "seed": 5,
        "caption": "Spray over the Lantern Hill promenade as the storm surge peaked.",
        "alt_text": "A grey, rain-lashed seafront with rough waves, white spray rising over the railings, puddles on the promenade and a lighthouse in the distance.",
        "photographer": "Benedikt Aalto",
        "source": "Port Halden Chronicle",
        "credit": "Benedikt Aalto/Port Halden Chronicle",
    },
    {
        "key": "hospital-general-entrance",
        "scene": "hospital",
        "seed": 1,
        "caption": "The main entrance of Port Halden General Hospital.",
        "alt_text": "A long white hospital building with bands of blue windows, a blue H sign on the roof and a canopy over the entrance, with an ambulance with green and yellow checks parked in the forecourt.",
        "photographer": "Isaura Penhale",
        "source": "Port Halden Chronicle",
        "credit": "Isaura Penhale/Port Halden Chronicle",
    },
    {
        "key": "hospital-ambulance-bay",
        "scene": "hospital",
        "seed": 4,
        "caption": "An ambulance outside the emergency department at night.",
        "alt_text": "A hospital building at night with rows of lit windows and an illuminated H sign, with an ambulance parked on the forecourt and people walking towards the entrance.",
        "photographer": "Jory Tremayne",
        "source": "Coastline Wire",
        "credit": "Jory Tremayne/Coastline Wire",
    },
    {
        "key": "beach-westcliff-sands",
        "scene": "beach",
        "seed": 1,
        "caption": "Westcliff Sands on a summer afternoon.",
        "alt_text": "A sandy beach with striped umbrellas, towels and people, a turquoise sea with a long pier and a small pavilion on the right, and a green headland on the left.",
        "photographer": "Svea Holloway",
        "source": "Harbourlight Images",
        "credit": "Svea Holloway/Harbourlight Images",
    },
    {
        "key": "construction-old-quay-site",
        "scene": "construction",
        "seed": 2,
        "caption": "Work continues on the Old Quay office and housing scheme.",
        "alt_text": "A red tower crane stands over a building under construction, its lower floors glazed and its upper floors an open concrete frame, behind blue site hoardings where two workers in hi-vis jackets walk.",
        "photographer": "Rhona Keill",
        "source": "Port Halden Chronicle",
        "credit": "Rhona Keill/Port Halden Chronicle",
    },
    {
        "key": "construction-housing-frame",
        "scene": "construction",
        "seed": 14,
        "caption": "The frame of the first block of homes on the former gasworks site in Brackwater.",
        "alt_text": "A yellow tower crane above the concrete frame of a new block beside finished flats, in golden evening light, with workers in hard hats and hi-vis jackets in front of red hoardings.",
        "photographer": "Svea Holloway",
        "source": "Harbourlight Images",
        "credit": "Svea Holloway/Harbourlight Images",
    },
    {
        "key": "stage-harbour-hall",
        "scene": "stage",
        "seed": 3,
        "caption": "A soloist rehearses on the restored stage of Harbour Hall.",
        "alt_text": "A performer stands in a pool of spotlight on a wooden stage framed by deep blue curtains, with a microphone stand beside them and rows of audience heads in silhouette in the foreground.",
        "photographer": "Isaura Penhale",
        "source": "Port Halden Chronicle",
        "credit": "Isaura Penhale/Port Halden Chronicle",
    },
    {
        "key": "stage-film-week-screen",
        "scene": "stage",
        "seed": 1,
        "caption": "The screen at the Alcove Cinema before the opening film.",
        "alt_text": "A cinema screen framed by red curtains shows a figure standing by the sea under a pale sun, with a darkened auditorium below.",
        "photographer": "Benedikt Aalto",
        "source": "Port Halden Chronicle",
        "credit": "Benedikt Aalto/Port Halden Chronicle",
    },
    {
        "key": "windfarm-halden-bank",
        "scene": "windfarm",
        "seed": 1,
        "caption": "Turbines at the Halden Bank wind farm, 14 miles offshore.",
        "alt_text": "Dozens of white wind turbines stand in rows on a calm blue sea under a bright sky with white clouds, the nearest ones large and the farthest faint on the horizon, with a small boat in the foreground.",
        "photographer": "Jory Tremayne",
        "source": "Coastline Wire",
        "credit": "Jory Tremayne/Coastline Wire",
    },
    {
        "key": "windfarm-service-vessel",
        "scene": "windfarm",
        "seed": 2,
        "caption": "A crew transfer vessel heads out to Halden Bank.",
        "alt_text": "An orange boat leaves a white wake across a sea glowing in the low sun, with rows of wind turbines standing on the horizon behind it.",
        "photographer": "Marek Dunmore",
        "source": "Northern Press Agency",
        "credit": "Marek Dunmore/Northern Press Agency",
    },
]

STORIES = [
    # ------------------------------------------------------------------ City
    {
        "headline": "Lantern Hill residents count the cost after storm surge floods 140 homes",
        "slug": "lantern-hill-storm-floods-140-homes",
        "standfirst": "Sandbags ran out within two hours as Storm Ardra pushed the tide over the sea wall, and some families have been told they cannot go home before Christmas.",
        "section": "city",
        "authors": ["aoife-lindqvist", "maren-tolland"],
        "credit_line": "Additional reporting by Coastline Wire",
        "tags": ["Flooding", "Lantern Hill", "Trams"],
        "body": _body("""
<p>Residents of Lantern Hill spent yesterday pumping water out of kitchens and carrying ruined furniture into the street after a storm surge overtopped the sea wall and flooded 140 homes in the lower part of the neighbourhood.</p>
<p>The surge arrived shortly after 11pm on Thursday, when Storm Ardra's strongest winds coincided with a spring tide. The city council said water was 40cm deep in parts of Quarry Lane and Netmakers Row by midnight, and that 37 households spent the night in the emergency rest centre at Lantern Hill Primary School.</p>
<p>"It came under the door like someone had turned on a tap," said Moira Castellane, 71, who has lived on Netmakers Row since 1984. "I have never seen it past the second step before. We lost the carpets, the fridge, the lot."</p>
<h2>Sandbags ran out in two hours</h2>
<p>Several residents said the council's sandbag store on Quarry Lane was empty by 9pm, two hours after it opened. The council confirmed that 2,600 bags had been handed out and said a second delivery from its depot in Brackwater was delayed by fallen trees on the coast road.</p>
<p>Councillor Hester Baird-Nkemelu, the cabinet member for environment and transport, said the council would review its stockpiles. "Our crews were out all night and they did remarkable work, but it is clear that for a surge of this size we did not have enough in the right place," she said. "We will publish a full account of what happened and what we will change."</p>
<p>The Harbour Authority's tide gauge at Westcliff pier recorded a water level of 4.62 metres above chart datum at 11.40pm, the second highest reading since the gauge was installed in 1997.</p>
<h2>Trams suspended and the coast road closed</h2>
<p>Halden Transit suspended Line 2 between Westcliff and the University for most of Friday after seawater reached the track bed near Lantern Hill stop. Services resumed at 4.15pm once engineers had checked the signalling cabinets. The coast road between Lantern Hill and Westcliff remains closed while the council inspects a section of the sea wall where the capping stones were lifted by the waves.</p>
<p>Families whose homes were worst affected have been told by insurers and loss adjusters that drying out could take up to eight weeks. The council has opened a hardship fund offering grants of up to £500 per household, and the Lantern Hill Community Trust is collecting bedding, children's clothes and small appliances at its hall on Ropewalk Street.</p>
<ul>
<li>Hardship fund applications: <a href="https://porthalden-council.example/storm-support">the council's storm support page</a> or 0300 555 0142.</li>
<li>Donations: Lantern Hill Community Hall, 10am to 6pm daily until further notice.</li>
</ul>
<p>The Halden Coast Flood Service said a flood warning for the Port Halden coast would stay in place until Sunday morning's high tide had passed.</p>
"""),
        "lead_photo": "storm-lantern-hill-flooding",
        "photos": [
            {"photo": "storm-seafront-waves", "after_paragraph": 3, "caption": ""},
            {
                "photo": "street-lantern-hill-night",
                "after_paragraph": 7,
                "caption": "Lantern Hill Road was closed to traffic overnight while the water drained away.",
            },
        ],
        "hours_ago": 3.5,
        "updated_hours_ago": 1.0,
        "status": "published",
        "related": ["rising-water-seafront-next-30-years", "night-tram-trial-winter-weekends"],
    },
    {
        "headline": "Fennick Park to get 300 new trees and a reopened boating lake",
        "slug": "fennick-park-300-trees-boating-lake",
        "standfirst": "A £2.4m plan for the city's largest park also brings back the café that closed in 2020 and adds a play area designed with local schoolchildren.",
        "section": "city",
        "authors": ["aoife-lindqvist"],
        "credit_line": "",
        "tags": ["Parks", "Fennick", "Council budget"],
        "body": _body("""
<p>Fennick Park is to get 300 new trees, a restored boating lake and a reopened café under a £2.4m plan approved by the city council's environment committee.</p>
<p>The lake has been drained since 2018, when an inspection found that its clay lining was failing and water was seeping into the neighbouring allotments. The new plan relines the lake, replaces the collapsed boathouse jetty and brings back rowing boat hire from Easter 2028.</p>
<p>The café in the old lodge at the park's main gate, which closed during the pandemic and never reopened, will be let to a new operator on a ten-year lease. The council says it has received expressions of interest from four local businesses.</p>
<h2>Trees chosen for a warmer climate</h2>
<p>The 300 trees will be planted over the next two winters, mostly along the park's northern edge where a line of ash trees was felled after ash dieback was confirmed in 2023. Council ecologist Dr Ruth Amberley said the mix had been chosen with the next fifty years in mind.</p>
<p>"We are planting species that should cope with hotter, drier summers and wetter winters, such as small-leaved lime, hornbeam and field maple, alongside native oak," she said. "The aim is a canopy that still looks after people and wildlife when the children planting these trees are grandparents."</p>
<p>Pupils from Fennick Primary and St Brannoc's School will help plant the first 60 trees in February.</p>
<h2>A play area designed by the people who will use it</h2>
<p>A new play area near the lake has been designed with a group of 24 children aged between seven and eleven, who spent six workshops with the landscape architects. Their requests included a climbing net "as high as a bus", a water pump and sand pit, and benches for grandparents in the shade.</p>
<p>"They were very clear that they did not want everything to be bright plastic," said landscape architect Tamsin Orchardson. "A lot of it will be timber and rope, and the water play links to the lake so the whole thing feels like one place."</p>
<p>The Friends of Fennick Park, which has campaigned for the lake's restoration since it was drained, welcomed the plan. Its chair, Desmond Achterberg, said: "We have collected signatures, held bake sales and written more letters than I can count. To see the boats come back will mean a great deal to people who learned to row here."</p>
<p>The money comes from the council's parks capital budget and a £900,000 grant from the Coastal Communities Green Spaces Fund. Work on the lake is due to begin in the spring.</p>
"""),
        "lead_photo": "park-fennick-park",
        "photos": [
            {
                "photo": "park-brackwater-green",
                "after_paragraph": 3,
                "caption": "The council's tree officers say the new planting will follow the approach used on Brackwater Green.",
            },
        ],
        "hours_ago": 30,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["council-budget-gap-closed"],
    },
    {
        "headline": "Saltmarsh Market traders win six-month reprieve on rent rise",
        "slug": "saltmarsh-market-rent-reprieve",
        "standfirst": "The council has paused a 22% increase in stall fees after traders warned that a third of the market's 86 stalls could close.",
        "section": "city",
        "authors": ["aoife-lindqvist", "priya-vennard"],
        "credit_line": "",
        "tags": ["Saltmarsh Market", "Small business", "Council budget"],
        "body": _body("""
<p>Traders at Saltmarsh Market have won a six-month pause on a planned 22% rise in stall fees, after a petition signed by more than 9,000 people and a packed public meeting at the Guildhall.</p>
<p>The increase, which would have taken the weekly fee for a standard covered stall from £118 to £144, was proposed in September as part of the council's plan to close a gap in next year's budget. It will now be delayed until at least June while the council carries out a review of how the market is run.</p>
<p>Nadia Okonkwo-Stride, who runs a fruit and vegetable stall her grandfather opened in 1961, said the pause had come as a relief. "We were sitting around the tea urn doing the sums," she said. "Some of the younger traders would have had to go. You cannot put the price of carrots up by 22% and expect people to keep buying them."</p>
<h2>A third of stalls at risk</h2>
<p>A survey by the Saltmarsh Traders' Association found that 29 of the market's 86 stallholders said they would probably or definitely give up their pitch if the full increase went ahead. Eleven stalls are already empty, the highest number since the market hall was re-roofed in 2016.</p>
<p>The association's chair, Bartholomew Nyquist, said the market was "the cheapest place in Port Halden to buy fresh food" and an important part of the city's identity. "This is not a museum piece," he said. "People do their weekly shop here. If the rent drives out the traders, the council loses the rent anyway."</p>
<p>Councillor Samir Odenwald, the cabinet member for finance, said the council had listened. "The market costs more to run than it brings in, and that gap has grown every year," he said. "But we accept that a single large rise is the wrong way to close it. The review will look at the whole picture, including the service charge, the empty stalls and the way we promote the market."</p>
<h2>What the review will look at</h2>
<p>The review, which will report in May, will consider:</p>
<ul>
<li>phasing any increase over three years rather than one;</li>
<li>cheaper short-term lets to fill the empty stalls, including weekend-only pitches;</li>
<li>whether the monthly night market, which returned this autumn, could raise more money to support the weekday market;</li>
<li>the cost of the hall's heating and lighting, which has risen by 41% since 2022.</li>
</ul>
<p>Traders will be represented on the review panel. The council says stall fees will be frozen at their current level until the review is complete.</p>
"""),
        "lead_photo": "market-saltmarsh-market",
        "photos": [
            {
                "photo": "market-night-market",
                "after_paragraph": 6,
                "caption": "The monthly night market could help pay for the weekday stalls, traders say.",
            },
        ],
        "hours_ago": 52,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["saltmarsh-market-basket-prices", "saltmarsh-night-market-returns", "council-budget-gap-closed"],
    },
    {
        "headline": "Westcliff Sands keeps its blue flag as bathing water quality improves",
        "slug": "westcliff-sands-keeps-blue-flag",
        "standfirst": "Sampling found the lowest bacteria counts in a decade, but campaigners say the storm overflows at Brackwater are still a problem.",
        "section": "city",
        "authors": ["jonah-pietersz"],
        "credit_line": "",
        "tags": ["Westcliff", "Environment", "Health"],
        "body": _body("""
<p>Westcliff Sands has kept its blue flag for another year after water sampling over the summer recorded the lowest bacteria levels at the beach for a decade.</p>
<p>The award, which recognises clean water, safety and facilities, was confirmed yesterday. It is the ninth year in a row the beach has held it. Gull Cove, the smaller beach at the western end of the bay, was again rated "good" but missed out on the flag because of two samples in August that exceeded the limit for <em>E. coli</em>.</p>
<p>Samples taken every week between May and September found an average of 31 colony-forming units of intestinal enterococci per 100ml of water at Westcliff, down from 58 last year and well below the threshold of 100 needed for an "excellent" rating.</p>
<h2>Why the water is cleaner</h2>
<p>Scientists at the University of Port Halden's marine research station said the improvement was probably due to two things: a relatively dry summer, which meant fewer storm overflows, and the completion of a new storage tank beneath Westcliff car park that holds sewage during heavy rain rather than releasing it into the bay.</p>
<p>"The tank has made a measurable difference," said Dr Halima Varga, a microbiologist at the station who leads the university's bathing water project. "But we should be careful about reading too much into one summer. A wet August could easily have given us a very different set of numbers."</p>
<p>The £19m tank, built by Halden Coast Water, can hold 7,500 cubic metres, roughly three Olympic swimming pools. The company said it had prevented 14 discharges into the bay since it came into use in April.</p>
<h2>Campaigners want more</h2>
<p>The Halden Bay Swimmers, a group with more than 1,200 members who swim all year round, welcomed the result but said overflows at Brackwater, on the other side of the estuary, were still discharging too often. Figures published by Halden Coast Water show that the Brackwater outfall discharged for a total of 312 hours last year.</p>
<p>"We are pleased for Westcliff, but the sea does not stop at the groyne," said the group's secretary, Colm Haverty. "We would like to see the same investment at Brackwater, and real-time alerts so people know when it is not safe to go in."</p>
<p>Halden Coast Water said it was planning a similar storage project at Brackwater and would begin consulting on it next year. It already publishes discharge alerts on <a href="https://haldencoastwater.example/bathing">its website</a>, usually within an hour of an overflow starting.</p>
<p>Lifeguard patrols at Westcliff will resume at the start of the May bank holiday weekend.</p>
"""),
        "lead_photo": "beach-westcliff-sands",
        "photos": [
            {
                "photo": "skyline-old-quay-dusk",
                "after_paragraph": 6,
                "caption": "Sampling points run from Westcliff Sands round to the mouth of the river Hald below Old Quay.",
            },
        ],
        "hours_ago": 75,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["rising-water-seafront-next-30-years"],
    },
    {
        "headline": "Late trams to run until 2am on winter weekends in six-month trial",
        "slug": "night-tram-trial-winter-weekends",
        "standfirst": "Lines 1 and 2 will run every 20 minutes after midnight on Fridays and Saturdays from next month, with extra staff on board.",
        "section": "city",
        "authors": ["maren-tolland"],
        "credit_line": "",
        "tags": ["Trams", "Night-time economy", "Port Halden General Hospital"],
        "body": _body("""
<p>Trams on Lines 1 and 2 will run until 2am on Friday and Saturday nights from next month, in a six-month trial that bar owners, shift workers and hospital staff have been calling for since the network was cut back in 2021.</p>
<p>At present the last trams leave Old Quay at 12.10am. Under the trial, Halden Transit will run a service every 20 minutes between midnight and 2am on both lines, with the last departures from Old Quay at 1.50am.</p>
<p>The trial will cost £410,000, paid for jointly by the city council and the Old Quay Business Improvement District, which represents 340 businesses in the city centre.</p>
<h2>Who is it for?</h2>
<p>Halden Transit says passenger counts and mobile phone data suggest around 2,500 people are in the city centre after midnight on a typical Saturday, and that most of them currently go home by taxi, on foot or in a friend's car.</p>
<p>"We hear a lot about people going out, but half the people we expect to use these trams will be going to or coming from work," said Pieter Olawale-Ross, Halden Transit's managing director. "Bar staff, cleaners, the night shift at the General. At the moment some of them are paying £20 for a taxi at the end of a shift that earned them not much more than £100."</p>
<p>Staff at Port Halden General Hospital, which sits beside the University stop on Line 2, will travel free on production of their hospital pass, under an agreement with the health board.</p>
<h2>Safety on board</h2>
<p>Each late tram will carry a customer safety officer, and the busiest stops at Old Quay, Cobble Row and Northgate will be staffed until the last service leaves. Councillor Hester Baird-Nkemelu said the council had worked with the police on the plan.</p>
<p>"People should feel as safe on a tram at 1.30am as they do at 1.30pm," she said. "That is why this trial is not just about the timetable, it is about the people on board and at the stops."</p>
<p>Chris Ahlberg, who runs the Lamplighter bar on Cobble Row, said it would change the way people planned a night out. "Closing time here is 1am but the last tram goes at ten past midnight, so half my customers leave at a quarter to," he said. "That is the busiest hour of the night gone."</p>
<p>Halden Transit will publish passenger numbers each month. If the trial is judged a success, the council and the business district will decide in the spring whether to fund it permanently and whether to extend it to Line 3 when it opens.</p>
"""),
        "lead_photo": "tram-westcliff-stop",
        "photos": [
            {"photo": "street-lantern-hill-night", "after_paragraph": 5, "caption": ""},
        ],
        "hours_ago": 120,
        "updated_hours_ago": 96,
        "status": "published",
        "related": ["line-3-tram-extension-over-budget", "northgate-by-election-tram"],
    },
    {
        "headline": "Cobble Row shopfronts restored to their Victorian colours under heritage grant",
        "slug": "cobble-row-shopfronts-restored",
        "standfirst": "Eleven buildings on the city's oldest shopping street have been repaired, and two empty units have found tenants since the scaffolding came down.",
        "section": "city",
        "authors": ["aoife-lindqvist"],
        "credit_line": "",
        "tags": ["Heritage", "Small business", "Old Quay"],
        "body": _body("""
<p>The scaffolding has come down on Cobble Row, revealing eleven restored shopfronts painted in colours based on paint samples taken from the buildings and photographs from the city archive.</p>
<p>The £1.1m project, paid for by a heritage grant and contributions from the building owners, has repaired timber frames, replaced plastic signs with painted fascias and reinstated cast-iron columns removed in the 1970s. Upper floors were repointed and thirty-two sash windows were repaired rather than replaced.</p>
<h2>Colours from the archive</h2>
<p>Conservation architect Imogen Stadtler said the team scraped back as many as fourteen layers of paint on some frames to find the earliest colours. "Number 17 was a chemist's, and under the beige we found a deep green and a gold line, which matches a hand-tinted postcard from around 1905," she said. "Where we had no evidence, we chose colours from the same period so the street reads as a whole."</p>
<p>The work uncovered a mosaic threshold at number 9 spelling out "Pellow &amp; Sons, Tailors", which had been hidden under a concrete step. It has been cleaned and left on show.</p>
<p>The city archive's collection of trade directories was used to trace the history of each building. Number 23, now a bookshop, was a ship's chandler for ninety years, and number 5 was the first shop in Port Halden to sell electric lamps, in 1894.</p>
<h2>New tenants</h2>
<p>Two units that had been empty for more than a year have been let since the work finished. A bakery run by brothers Anselm and Kofi Trevenna opened at number 11 last week, and a bicycle repair workshop is due to open at number 15 in January.</p>
<p>"We looked at Cobble Row three years ago and walked away," said Anselm Trevenna. "The frontage was falling off, the windows leaked. Now people stop and take photos of the shop before they come in."</p>
<p>Footfall figures collected by the Old Quay Business Improvement District show that the number of people walking along Cobble Row on weekdays is 14% higher than at the same time last year, although the district says the reopening of the street after the works is likely to account for some of that.</p>
<p>A second phase, covering nine buildings on the north side of the street and the corner with Ropewalk Street, is due to start next summer if funding is confirmed. The city archive has put a selection of the historic photographs used in the project <a href="https://porthalden-archive.example/cobble-row">online</a>.</p>
"""),
        "lead_photo": "street-cobble-row",
        "photos": [
            {
                "photo": "skyline-old-quay-dusk",
                "after_paragraph": 5,
                "caption": "Cobble Row runs down from the old town towards the Old Quay towers.",
            },
        ],
        "hours_ago": 200,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["shipyard-drawings-online", "office-vacancy-falls-below-9-percent"],
    },
    {
        "headline": "Libraries in four neighbourhoods to open on Sundays from the new year",
        "slug": "library-opening-hours-extended",
        "standfirst": "Brackwater, Fennick, Lantern Hill and Northgate libraries will open from 11am to 4pm on Sundays in a twelve-month pilot.",
        "section": "city",
        "authors": ["aoife-lindqvist"],
        "credit_line": "",
        "tags": ["Council budget", "City council"],
        "body": _body("""
<p>Four of Port Halden's branch libraries will open on Sundays from January, the first time any of the city's libraries has opened seven days a week since 2011.</p>
<p>The twelve-month pilot covers the libraries at Brackwater, Fennick, Lantern Hill and Northgate, which will open from 11am to 4pm. The council says the extra hours will be staffed by a mix of existing library staff on overtime and four new part-time posts.</p>
<h2>Why Sundays</h2>
<p>A survey of 1,800 library users carried out last spring found that Sunday was the day most people said they would like to visit but could not. Parents of school-age children and people who work Saturdays were the most likely to ask for it.</p>
<p>[Quote from the head of library services to follow. Check the cost of the pilot with the finance team: the figure in the committee papers was £186,000 but it may have changed.]</p>
<h2>What happens next</h2>
<p>The council will publish visitor numbers every quarter and decide in the autumn whether to keep the Sunday hours.</p>
"""),
        "lead_photo": None,
        "photos": [
            {"photo": "campus-library-lawn", "after_paragraph": 2, "caption": ""},
        ],
        "hours_ago": 2,
        "updated_hours_ago": None,
        "status": "draft",
        "related": [],
    },
    # -------------------------------------------------------------- Politics
    {
        "headline": 'Council & harbour board strike "once-in-a-generation" deal on Old Quay',
        "slug": "council-harbour-board-old-quay-deal",
        "standfirst": "Nine hectares of disused wharves will be handed to a joint company to build 1,400 homes, a ferry terminal and a public waterfront, in return for council backing for the port's expansion at Eastquay.",
        "section": "politics",
        "authors": ["callum-ashby"],
        "credit_line": "",
        "tags": ["Old Quay", "Harbour Authority", "Housing", "City council", "Ferries"],
        "body": _body("""
<p>Port Halden City Council and the Harbour Authority have agreed a deal that will open up nine hectares of disused wharves at Old Quay for housing, ending a dispute over the land that has lasted more than fifteen years.</p>
<p>Under the agreement, approved by councillors last night by 38 votes to 17, the Harbour Authority will transfer the former timber wharves between Ropewalk Street and the river Hald into a new company owned jointly with the council. The company will seek a developer to build around 1,400 homes, of which at least 35% will be affordable, along with a new passenger ferry terminal and a public promenade along the whole of the waterfront.</p>
<p>In return, the council will support the Harbour Authority's application to extend the container terminal at Eastquay, and will guarantee a £40m loan for the new quay wall the expansion needs.</p>
<h2>"Once in a generation"</h2>
<p>The council leader, Councillor Irene Vasquez-Holm, told the chamber the agreement was "a once-in-a-generation chance to give the river back to the city". She said: "For fifteen years that land has sat behind a fence while two public bodies argued about it. Tonight we stop arguing and start building."</p>
<p>Tomas Brandvold, chief executive of the Harbour Authority, said the deal would allow the port to concentrate its operations at Eastquay, where it has deep water and room to grow. "Old Quay has not handled a cargo ship since 2009," he said. "The port's future is downstream. This agreement lets us invest there while the city gets the waterfront it has wanted for decades."</p>
<p>The opposition Harbour First group voted against. Its leader, Councillor Gareth Penhallow, said the loan guarantee exposed council taxpayers to risk "on behalf of a port that has its own balance sheet" and questioned whether 35% affordable housing would be delivered. "We have heard promises of affordable homes on every big site in this city," he said. "I will believe this one when I see the keys handed over."</p>
<h2>What happens next</h2>
<p>The joint company is expected to be set up by the spring, with a board of six: three members appointed by the council and three by the Harbour Authority. It will run a competition to choose a development partner next year. Outline planning permission would be needed before any building work, and the council says the first homes are unlikely to be finished before 2030.</p>
<p>The Eastquay expansion will go before the council's planning committee in February. The Harbour Authority says it will create 450 jobs during construction and 220 permanent jobs once the new berths are open.</p>
<p>The full agreement and the council's financial assessment have been published in the <a href="https://porthalden-council.example/meetings/full-council">papers for last night's meeting</a>.</p>
"""),
        "lead_photo": "chamber-council-vote",
        "photos": [
            {
                "photo": "harbour-cranes-dawn",
                "after_paragraph": 3,
                "caption": "The deal would move the port's growth downstream to the container terminal at Eastquay.",
            },
            {"photo": "portrait-harbour-chief", "after_paragraph": 6, "caption": ""},
        ],
        "hours_ago": 6,
        "updated_hours_ago": 2,
        "status": "published",
        "related": [
            "container-volumes-record-berth-7",
            "gasworks-site-1200-homes-approved",
            "office-vacancy-falls-below-9-percent",
        ],
    },
    {
        "headline": "Council budget: £14m gap closed with parking charges, reserves and a hiring freeze",
        "slug": "council-budget-gap-closed",
        "standfirst": "Council tax will rise by 4.99%, the maximum allowed without a referendum, and evening parking in the city centre will no longer be free.",
        "section": "politics",
        "authors": ["callum-ashby", "aoife-lindqvist"],
        "credit_line": "",
        "tags": ["Council budget", "City council", "Night-time economy"],
        "body": _body("""
<p>Port Halden City Council has set out how it plans to close a £14.2m gap in next year's budget, with higher parking charges, £5m drawn from reserves and a freeze on filling most vacant posts.</p>
<p>Council tax will rise by 4.99%, the most the council can raise it without holding a referendum. For a Band D home that means an increase of £94 a year, taking the city council's share of the bill to £1,978.</p>
<p>The draft budget, published yesterday, will be debated by the cabinet next week before a final vote by the full council in February.</p>
<h2>Where the money comes from</h2>
<p>The council's finance report breaks the £14.2m down as follows:</p>
<ul>
<li><strong>£5.0m</strong> from reserves, which would leave the council's general reserve at £21m, the lowest it has been since 2015;</li>
<li><strong>£3.6m</strong> from holding around 90 vacant posts empty for the year, excluding social workers and care staff;</li>
<li><strong>£2.3m</strong> from parking, including charges from 6pm to 10pm in city centre car parks, which are currently free after 6pm;</li>
<li><strong>£1.9m</strong> from renegotiated contracts, including waste collection and street lighting maintenance;</li>
<li><strong>£1.4m</strong> from other fees and charges, including bulky waste collections and sports pitch hire.</li>
</ul>
<p>Councillor Samir Odenwald, the cabinet member for finance, said the council had tried to protect frontline services. "Our costs for children's social care have gone up by £9m in two years, and that is before inflation on everything else," he said. "We have had to make choices nobody in this building wanted to make. But libraries stay open, bins get emptied and no children's centre closes."</p>
<h2>Opposition and traders object</h2>
<p>The Harbour First group said the reliance on reserves was "a sticking plaster" and would leave the council with less to fall back on in future years. Councillor Gareth Penhallow said: "Spending £5m of savings to get through one year is not a plan. Next year the gap will be back and the savings account will be smaller."</p>
<p>City centre businesses reacted angrily to the end of free evening parking. The Old Quay Business Improvement District said it would hurt restaurants and theatres at a time when footfall was only just recovering. Its chief executive, Renata Folkestad, said: "We are trying to get people into the city centre in the evening. Charging them £4 to park is not the way to do it."</p>
<p>The council says evening charges will be capped at £4 and that the late tram trial, partly funded by the business district, gives people another way to get home.</p>
<p>Residents can comment on the draft budget until 23 January through <a href="https://porthalden-council.example/budget">the council's consultation page</a>.</p>
"""),
        "lead_photo": "chamber-budget-debate",
        "photos": [
            {
                "photo": "skyline-northgate-night",
                "after_paragraph": 3,
                "caption": "Parking in city centre car parks will be charged until 10pm under the proposals.",
            },
        ],
        "hours_ago": 26,
        "updated_hours_ago": None,
        "status": "published",
        "related": [
            "saltmarsh-market-rent-reprieve",
            "night-tram-trial-winter-weekends",
            "councillors-meeting-diaries-published",
        ],
    },
    {
        "headline": "Northgate by-election: four candidates, one question – where the next tram line goes",
        "slug": "northgate-by-election-tram",
        "standfirst": "Voters in Northgate choose a new councillor next Thursday, and almost every conversation on the doorstep comes back to the proposed Line 4.",
        "section": "politics",
        "authors": ["callum-ashby", "maren-tolland"],
        "credit_line": "",
        "tags": ["Northgate", "Trams", "Line 3", "City council"],
        "body": _body("""
<p>Voters in Northgate go to the polls next Thursday to elect a new city councillor, after the death in September of Councillor Wilfred Aneurin, who had represented the ward for 22 years.</p>
<p>Four candidates are standing. In conversations with more than thirty residents over two days of canvassing, the Chronicle found that one issue came up more than any other: the proposed Line 4 tram, and whether it should run along Northgate High Street or along the old railway cutting behind it.</p>
<h2>The route that divides the ward</h2>
<p>Halden Transit's consultation, which closed last month, offered two options. The high street route would put stops within a five-minute walk of around 11,000 homes but would mean closing the street to general traffic for up to two years during construction. The railway cutting route is cheaper and quicker to build but would leave the nearest stop more than half a mile from much of the ward.</p>
<p>"I want the tram, but I run a shop on the high street," said Yusuf Demirel-Kane, who owns a hardware store near the clock tower. "Two years of road works would finish half the businesses on this street before the first tram arrives."</p>
<p>A few doors away, Gwen Pascoe, who is 79 and does not drive, said the cutting route would be no use to her. "It is down forty steps. They say there will be a lift. There is a lift at the Westcliff stop and it has been broken since the summer."</p>
<h2>The candidates</h2>
<p>The candidates, in the order they will appear on the ballot paper, are:</p>
<ol>
<li><strong>Sunniva Crabtree</strong> (Coastal Greens), a primary school teacher, who backs the high street route with a fund to compensate businesses during construction.</li>
<li><strong>Ashok Meldrum</strong> (Civic Alliance), a former Halden Transit engineer, who says the council should choose whichever route can be open first and argues for the cutting.</li>
<li><strong>Rhiannon Oyelaran</strong> (Harbour First), who runs a care agency, and says no decision should be made until the cost overruns on Line 3 have been fully explained.</li>
<li><strong>Gerald Fitzwalter</strong> (Independent), a retired police officer, who opposes Line 4 altogether and wants the money spent on buses.</li>
</ol>
<p>The Civic Alliance holds a majority of nine on the council, so the result will not change who runs the city. But with the Line 4 decision due to go to the council in the spring, all four candidates say the result will be read as a verdict on the tram.</p>
<h2>How to vote</h2>
<p>Polling stations are open from 7am to 10pm. Northgate residents who are registered to vote should have received a polling card. Anyone who has lost theirs can still vote by giving their name and address at their polling station, along with photo ID. The count will take place overnight at the Guildhall, and the Chronicle will report the result live.</p>
"""),
        "lead_photo": "skyline-northgate-night",
        "photos": [
            {
                "photo": "tram-line3-test",
                "after_paragraph": 2,
                "caption": "Supporters of the high street route point to Line 3, which runs on-street through Fennick.",
            },
        ],
        "hours_ago": 98,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["line-3-tram-extension-over-budget", "night-tram-trial-winter-weekends"],
    },
    {
        "headline": "Councillors' meeting diaries to be published online every month",
        "slug": "councillors-meeting-diaries-published",
        "standfirst": "Cabinet members will have to list every meeting with developers, lobbyists and contractors, after a Chronicle investigation into the Line 3 contract.",
        "section": "politics",
        "authors": ["callum-ashby"],
        "credit_line": "",
        "tags": ["Transparency", "City council"],
        "body": _body("""
<p>Members of Port Halden City Council's cabinet will have to publish details of every meeting they hold with developers, lobbyists, contractors and campaign groups, under new rules agreed by the council's standards committee.</p>
<p>From February, the ten cabinet members and the council's chief executive will publish a monthly list of external meetings, showing who they met, when, and the subject discussed. The lists will be posted on the council's website within 28 days of the end of each month.</p>
<p>The change follows a Chronicle investigation into the Line 3 tram extension, which found that the contractor met senior councillors at least eleven times in the year before the contract's cost was revised upwards, and that no record of most of those meetings was kept.</p>
<h2>"Sunlight is cheap"</h2>
<p>The chair of the standards committee, Councillor Beatrix Lowenthal, said the new rules were overdue. "Most of these meetings are perfectly proper. Councillors should talk to the people who build things in this city," she said. "But the public should be able to see that it is happening. Sunlight is cheap and it works."</p>
<p>The rules cover meetings in person, by video and by phone, and hospitality worth more than £25. Purely social encounters and meetings with council staff are excluded. Councillors who fail to publish will be referred to the council's monitoring officer.</p>
<p>The council leader, Councillor Irene Vasquez-Holm, said her cabinet supported the change. "I have nothing to hide and neither does anyone in my team," she said. "If this helps rebuild trust after Line 3, it is worth doing."</p>
<h2>Calls to go further</h2>
<p>Campaign group Open Halden welcomed the rules but said they should apply to all 55 councillors, not just the cabinet, and to the chairs of the planning and licensing committees in particular. "Planning decisions are made by the planning committee, not the cabinet," said the group's co-ordinator, Fenella Abiodun. "If a developer is meeting committee members, we need to know."</p>
<p>The standards committee said it would review the rules after a year and consider extending them. Port Halden will be the third council in the region to publish meeting diaries, after Marrowby and Carrow Vale.</p>
<p>The first diaries, covering February, are due to be published by the end of March on <a href="https://porthalden-council.example/transparency">the council's transparency pages</a>.</p>
"""),
        "lead_photo": "chamber-council-vote",
        "photos": [
            {
                "photo": "chamber-budget-debate",
                "after_paragraph": 5,
                "caption": "The rules will apply to the ten members of the council's cabinet and its chief executive.",
            },
        ],
        "hours_ago": 86,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["line-3-tram-extension-over-budget", "ferry-contract-inquiry-call"],
    },
    {
        "headline": "Planners back 1,200 homes on former Brackwater gasworks site",
        "slug": "gasworks-site-1200-homes-approved",
        "standfirst": "The scheme includes 420 homes for social rent, a primary school and a riverside park, but neighbours fear the roads cannot cope.",
        "section": "politics",
        "authors": ["callum-ashby", "ines-harrowgate"],
        "credit_line": "",
        "tags": ["Housing", "Brackwater", "Planning", "Parks"],
        "body": _body("""
<p>Plans for 1,200 homes on the site of the former Brackwater gasworks have been approved by Port Halden's planning committee, bringing one of the largest empty sites in the city back into use after almost forty years.</p>
<p>The scheme, by developer Estuary Living, will include 420 homes for social rent, 180 for shared ownership and 600 for sale. It also includes a two-form-entry primary school, a health centre and a four-hectare riverside park on land that has been fenced off since the gasworks closed in 1987.</p>
<p>Committee members voted by eight to three in favour, after a four-hour meeting attended by more than 120 residents.</p>
<h2>Cleaning up the ground</h2>
<p>The site's history as a gasworks means the ground is contaminated with coal tar, cyanide compounds and heavy metals. Estuary Living will remove or treat around 160,000 cubic metres of soil before building starts, at an estimated cost of £38m, part of which will be met by a government brownfield grant.</p>
<p>Environmental consultant Dr Matteo Vandersloot, who advised the council on the application, told the committee the clean-up plan was "robust and conventional". He said: "These sites have been redeveloped all over the country. The important thing is monitoring, and the conditions attached to this permission require it for fifteen years."</p>
<p>The first homes, in a nine-storey block on the corner of Gasholder Lane, are already framed out under an earlier permission for a smaller scheme, and will be finished next year.</p>
<h2>Traffic fears</h2>
<p>Several residents told the committee that Brackwater's roads were already congested at peak times. Marguerite Osei, who lives on Tanners Walk, said: "There is one road in and one road out. At half past eight in the morning you can walk to the roundabout faster than you can drive. Add twelve hundred homes and it will be gridlock."</p>
<p>Estuary Living has agreed to pay £6.5m towards road improvements and a new bus route linking the site to the Line 1 tram stop at Brackwater Bridge, with buses every ten minutes at peak times for the first five years. Only 0.4 parking spaces will be provided per home.</p>
<p>Councillor Oluwaseun Harte, who chairs the committee, said the city could not afford to leave the site empty. "We have 6,800 households on the housing register," he said. "This site alone will house 420 of them in homes they can afford. I understand the worries about traffic, and the conditions we have attached are there to deal with them."</p>
<p>The application will now be referred to the government, which has 21 days to decide whether to call it in for its own decision.</p>
"""),
        "lead_photo": "construction-housing-frame",
        "photos": [
            {
                "photo": "park-brackwater-green",
                "after_paragraph": 6,
                "caption": "The scheme's four-hectare riverside park would link up with Brackwater Green.",
            },
        ],
        "hours_ago": 260,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["council-harbour-board-old-quay-deal", "priced-out-students-nurses-smallest-rooms"],
    },
    {
        "headline": "Opposition calls for independent inquiry into island ferry contract",
        "slug": "ferry-contract-inquiry-call",
        "standfirst": "Harbour First says the Harbour Authority extended the Skerry Isles ferry contract by five years without putting it out to tender.",
        "section": "politics",
        "authors": ["callum-ashby"],
        "credit_line": "Additional reporting by Northern Press Agency",
        "tags": ["Harbour Authority", "Ferries", "Transparency"],
        "body": _body("""
<p>The opposition group on Port Halden City Council has called for an independent inquiry into the Harbour Authority's decision to extend the contract for the Skerry Isles ferry by five years without inviting bids from other operators.</p>
<p>Harbour First says documents released under freedom of information rules show that the extension, worth an estimated £31m, was agreed by the authority's board in a closed session in June and was not announced until October.</p>
<h2>What the documents show</h2>
<p>The board papers, seen by the Chronicle, show the authority's officers recommended the extension because a tender would take eighteen months and "introduce a risk of service interruption". They also show that the current operator, Skerry Line, had been fined for cancelled sailings in three of the previous four years.</p>
<p>Councillor Gareth Penhallow said islanders deserved to know why a better deal had not been sought. "The people of the Skerries rely on this boat for school, for hospital appointments, for their shopping," he said. "If the service is not good enough, the answer is not to give the same company five more years without asking anyone else."</p>
<p>A Harbour Authority spokesperson said the extension had been approved in line with its procurement rules and that it included tougher penalties for cancellations. "The board acted to guarantee a lifeline service," the spokesperson said. "We will be happy to explain that decision to any councillor who asks."</p>
<h2>What happens next</h2>
<p>The council has no direct power over the Harbour Authority's contracts, but Harbour First has asked the council's scrutiny committee to invite the authority's chief executive to give evidence. The committee meets on 14 January.</p>
"""),
        "lead_photo": "harbour-quay-evening",
        "photos": [
            {"photo": "harbour-container-ship", "after_paragraph": 2, "caption": ""},
        ],
        "hours_ago": 1.5,
        "updated_hours_ago": None,
        "status": "submitted",
        "related": ["council-harbour-board-old-quay-deal", "councillors-meeting-diaries-published"],
    },
    # -------------------------------------------------------------- Business
    {
        "headline": "Halden Bank wind farm to double in size after £900m investment",
        "slug": "halden-bank-wind-farm-expansion",
        "standfirst": "Forty-two new turbines will be assembled at Eastquay, bringing an estimated 600 jobs to the port during construction.",
        "section": "business",
        "authors": ["priya-vennard"],
        "credit_line": "Additional reporting by Coastline Wire",
        "tags": ["Environment", "Climate", "Jobs", "Harbour Authority", "Shipping"],
        "body": _body("""
<p>The Halden Bank offshore wind farm is to double in size after its owners confirmed a £900m investment in 42 new turbines, which will be assembled and shipped out from Port Halden.</p>
<p>Halden Bank Wind, a joint venture between two energy companies and a pension fund, said yesterday that it had taken a final investment decision on the second phase of the project, 14 miles off the coast. When complete in 2030, the expanded wind farm will have a capacity of 1.1 gigawatts, enough to supply the equivalent of around 1.2 million homes.</p>
<p>The turbines, each 260 metres tall to the tip of the blade, will be brought to Eastquay in sections by sea, assembled on the quayside and taken out to the site on a specialist installation vessel.</p>
<h2>Jobs at the port</h2>
<p>The company estimates that the construction phase will support around 600 jobs in Port Halden, including crane operators, riggers, electricians and marine crews. A further 90 permanent jobs will be based at the operations and maintenance centre on the Eastquay estate, which is being extended.</p>
<p>"This is the biggest single investment in the port in my working life," said Tomas Brandvold, chief executive of the Harbour Authority. "It confirms what we have been saying for a decade: the future of this port is energy as well as containers."</p>
<p>The University of Port Halden and Halden Coast College will run a joint training programme for 150 wind technicians over the next four years, with the first courses starting in September. Students will train on a full-size nacelle that the company will install at the college's marine campus.</p>
<h2>Questions over the grid</h2>
<p>The expansion depends on a new undersea cable and an upgraded substation at Brackwater, which are being built by the grid operator and are due to be finished in 2029. Any delay to that work would hold back the wind farm, the company acknowledged.</p>
<p>Local fishermen have also raised concerns. The Halden Fishermen's Association says the first phase of the wind farm has already closed off some of the best grounds for crab and lobster, and that the second phase will take more. Its secretary, Ewan Trethowan, said: "We are not against wind power. We are against being told where we can and cannot fish by people who have never been on a boat in February."</p>
<p>Halden Bank Wind said it would fund a £3m community benefit scheme for the coastal communities nearest the turbines and continue talks with the fishing industry on access to the site.</p>
<p>Work on the quayside is due to start in the autumn, with the first new turbines installed at sea in the summer of 2029.</p>
"""),
        "lead_photo": "windfarm-halden-bank",
        "photos": [
            {"photo": "windfarm-service-vessel", "after_paragraph": 3, "caption": ""},
            {
                "photo": "harbour-cranes-dawn",
                "after_paragraph": 7,
                "caption": "The turbines will be assembled on the quayside at Eastquay before being shipped out.",
            },
        ],
        "hours_ago": 9,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["container-volumes-record-berth-7", "council-harbour-board-old-quay-deal"],
    },
    {
        "headline": "Container volumes at Port Halden hit a record as Berth 7 opens",
        "slug": "container-volumes-record-berth-7",
        "standfirst": "The port handled 612,000 containers in the twelve months to October, up 11%, and the new deep-water berth can take the largest ships on the route.",
        "section": "business",
        "authors": ["priya-vennard"],
        "credit_line": "",
        "tags": ["Harbour Authority", "Shipping", "Jobs"],
        "body": _body("""
<p>Port Halden handled a record 612,000 containers in the twelve months to the end of October, according to figures published by the Harbour Authority, an increase of 11% on the previous year.</p>
<p>The figures were released as the port opened Berth 7 at the Eastquay container terminal, a £74m deep-water berth that can handle ships up to 366 metres long, longer than three football pitches laid end to end.</p>
<p>Volumes are measured in twenty-foot equivalent units, or TEU, the size of a standard small shipping container. The port's previous record, set in 2019, was 571,000 TEU.</p>
<h2>Why volumes are rising</h2>
<p>The Harbour Authority said the growth was mostly down to two new weekly services, one from northern Europe and one from the Mediterranean, which began calling at Port Halden in the spring after shipping lines moved away from more congested ports.</p>
<p>"Shipping lines want reliability," said Tomas Brandvold, the authority's chief executive. "A ship that arrives here gets a berth, gets unloaded and gets away on time. That reputation is worth more than any advert."</p>
<p>Analysts said the port was benefiting from its position and spare capacity but warned that global trade remained uncertain. "Port Halden has done well to win these services, but they can move again just as quickly," said Dr Anneliese Margrave, a maritime economist at the University of Port Halden. "The test is whether the lines are still here in three years."</p>
<h2>Jobs and lorries</h2>
<p>The port now directly employs 1,340 people, up from 1,180 two years ago, and the authority estimates that another 4,000 jobs in the region depend on it, in haulage, warehousing and customs.</p>
<p>The increase in containers has also meant more lorries. The Harbour Authority's own figures show an average of 2,900 heavy goods vehicle movements a day through the Eastquay gate, up from 2,500. Residents of Saltmarsh, whose streets sit between the port and the ring road, have complained about noise and queues on Dock Road.</p>
<p>The authority says it plans to move more containers by rail, and that a second rail siding at Eastquay, due to open next year, will take the equivalent of 180 lorry journeys a day off the roads. Councillors are due to vote this week on a deal under which the council would support further expansion at Eastquay, and which includes a commitment to review lorry routes through Saltmarsh.</p>
<p>Berth 7's first ship, the 14,000-TEU <em>Marisol Bay</em>, arrived on Tuesday morning and was worked by four cranes around the clock.</p>
"""),
        "lead_photo": "harbour-container-ship",
        "photos": [
            {
                "photo": "portrait-harbour-chief",
                "after_paragraph": 3,
                "caption": "Tomas Brandvold says reliability has won the port two new weekly services.",
            },
        ],
        "hours_ago": 48,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["council-harbour-board-old-quay-deal", "halden-bank-wind-farm-expansion"],
    },
    {
        "headline": "Brackwater brewery expands with 40 jobs and a taproom on the quay",
        "slug": "brackwater-brewery-expands",
        "standfirst": "Tidewater Brewing has taken over a former net store at Old Quay and will triple its output after winning contracts with two supermarket chains.",
        "section": "business",
        "authors": ["priya-vennard"],
        "credit_line": "",
        "tags": ["Small business", "Jobs", "Brackwater"],
        "body": _body("""
<p>A brewery that started in a garage in Brackwater seven years ago is to create 40 jobs after taking over a former net store at Old Quay and winning contracts to supply two national supermarket chains.</p>
<p>Tidewater Brewing, founded in 2019 by former merchant navy engineer Ingrid Solheim-Pryce and her brother-in-law Declan Amadi, will triple its output to around four million pints a year when the new brewhouse opens in the spring.</p>
<p>The company has raised £3.2m for the expansion, including a £1.5m loan from a regional growth fund and £700,000 from more than 2,100 customers through a crowdfunding round that closed in two days.</p>
<h2>From garage to quayside</h2>
<p>"We started with a fifty-litre kit and a lot of optimism," said Ms Solheim-Pryce. "For the first year we delivered every cask ourselves in the back of a van. Now we have a waiting list of pubs, and we have simply run out of room."</p>
<p>The brewery's current site on the Brackwater trading estate will be kept for canning and storage. The net store at Old Quay, a listed Victorian building that has been empty since 2012, will house the new brewhouse, a visitor centre and a 180-seat taproom overlooking the river.</p>
<p>The 40 jobs include brewers, warehouse staff and taproom staff, as well as two apprenticeships a year run with Halden Coast College.</p>
<h2>A lift for Old Quay</h2>
<p>The Old Quay Business Improvement District said the taproom would bring more people to the riverside in the evenings, particularly at weekends. "An empty listed building coming back into use, with a local business in it, is exactly what this area needs," said its chief executive, Renata Folkestad.</p>
<p>The brewery is one of a small number of independent producers that have grown quickly in Port Halden in recent years. According to the council, the number of food and drink manufacturers in the city has risen from 38 to 61 since 2018, employing around 1,100 people.</p>
<p>Mr Amadi said the company wanted to stay in the city as it grew. "We could have gone to an industrial unit by the motorway and saved a bit on rent," he said. "But our name is on the river and our customers are here. We would rather be part of the place than next to it."</p>
<p>Tidewater will also run a stall at the monthly Saltmarsh night market, where it first sold bottles in 2020.</p>
"""),
        "lead_photo": "harbour-quay-evening",
        "photos": [
            {
                "photo": "market-night-market",
                "after_paragraph": 5,
                "caption": "Tidewater first sold its beer at the Saltmarsh night market.",
            },
        ],
        "hours_ago": 140,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["saltmarsh-night-market-returns", "office-vacancy-falls-below-9-percent"],
    },
    {
        "headline": "City centre office vacancy falls below 9% for the first time since 2019",
        "slug": "office-vacancy-falls-below-9-percent",
        "standfirst": "Demand for refurbished space near the tram has pushed rents up by 6%, but older blocks in Northgate are still struggling to find tenants.",
        "section": "business",
        "authors": ["priya-vennard"],
        "credit_line": "",
        "tags": ["Property", "Old Quay", "Northgate", "Jobs"],
        "body": _body("""
<p>The share of empty office space in Port Halden city centre has fallen below 9% for the first time since 2019, according to a survey by commercial property agents Harcourt Rowe.</p>
<p>The survey found that 8.7% of the 4.1 million square feet of office space in the city centre was empty at the end of September, down from 11.4% a year earlier. Average rents for the best space rose 6% to £27.50 per square foot per year.</p>
<h2>A tale of two districts</h2>
<p>The figures hide a big difference between the city's two main office districts. At Old Quay, where most buildings have been refurbished in the last decade and the Line 1 tram stops outside, vacancy is just 4.9%. In Northgate, where many blocks date from the 1970s and 1980s, it is 14.2%.</p>
<p>"Tenants are very clear about what they want," said Harcourt Rowe's partner in Port Halden, Felicity Aldergrove. "Good air, good light, showers and bike storage, and a tram stop within five minutes. If a building has all of that, it lets. If it does not, it sits empty, however cheap it is."</p>
<p>Three large lettings accounted for much of the improvement: a software company taking two floors at Quayside House, an engineering consultancy moving into the former Customs House, and the Harbour Authority's decision to move 280 staff into new offices at the Old Quay development now under construction.</p>
<h2>What happens to the empty blocks</h2>
<p>The council's planning department says it has received applications to convert five Northgate office buildings into flats in the last eighteen months, adding up to around 330 homes. Two have been approved.</p>
<p>Councillor Samir Odenwald, the cabinet member for finance and economic development, said the council wanted a mix. "We do not want Northgate to become a place people only sleep," he said. "But a building that has been empty for four years is no good to anyone. Some of those blocks will be better as homes, and that brings people and spending back to the high street."</p>
<p>Harcourt Rowe expects vacancy to continue to fall next year as fewer new buildings are completed, but warns that the city could run short of good-quality space by 2028 unless more refurbishments begin soon.</p>
"""),
        "lead_photo": "skyline-old-quay-dusk",
        "photos": [
            {
                "photo": "construction-old-quay-site",
                "after_paragraph": 5,
                "caption": "The Harbour Authority will move 280 staff into the Old Quay scheme when it is finished.",
            },
        ],
        "hours_ago": 330,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["council-harbour-board-old-quay-deal", "cobble-row-shopfronts-restored"],
    },
    {
        "headline": "What a week's shopping costs at Saltmarsh Market compared with the supermarkets",
        "slug": "saltmarsh-market-basket-prices",
        "standfirst": "We bought the same 15 items at the market and at three supermarkets on the same morning. The market was cheapest for fruit and veg, but not for everything.",
        "section": "business",
        "authors": ["priya-vennard", "aoife-lindqvist"],
        "credit_line": "",
        "tags": ["Cost of living", "Saltmarsh Market", "Small business"],
        "body": _body("""
<p>With traders at Saltmarsh Market arguing that a rise in stall fees would push up prices for shoppers, the Chronicle set out to test a simple question: is the market actually cheaper?</p>
<p>On a Wednesday morning, two reporters bought the same basket of 15 everyday items at the market and at three supermarkets within a mile of it. Where the market did not sell an item, we noted it. Prices were for loose produce where possible and the cheapest own-brand version in the supermarkets.</p>
<h2>The results</h2>
<p>For the ten items of fresh fruit, vegetables, fish and eggs, the market came out cheapest, at £17.84 against an average of £21.36 across the three supermarkets, a saving of 16%.</p>
<ul>
<li>Carrots, 1kg: £0.80 at the market, £0.95 to £1.10 in the supermarkets.</li>
<li>Apples, 1kg: £1.90 at the market, £2.20 to £2.75.</li>
<li>Mackerel, two fillets: £2.60 at the market, £3.40 to £3.75.</li>
<li>Eggs, six free range: £2.20 at the market, £1.95 to £2.40.</li>
</ul>
<p>The market was more expensive for bread and cheese, and did not sell four of the items on our list at all: washing-up liquid, rice, tinned tomatoes and pasta. Including those items, a full basket bought with the market for fresh food and the cheapest supermarket for the rest cost £29.12, compared with £31.48 for the whole basket at the cheapest supermarket.</p>
<h2>Why the market is cheaper for some things</h2>
<p>Traders say they buy direct from growers and the fish quay and carry lower overheads than a supermarket. "No car park, no adverts, no head office," said Nadia Okonkwo-Stride, whose family has run a fruit and vegetable stall since 1961. "And if something needs selling today, I will sell you a bowl of it for a pound."</p>
<p>But the market has drawbacks. It closes at 4pm and is shut on Sundays and Mondays, and most stalls take cards but some still prefer cash. Shoppers also pointed out that it is easier to carry a week's shopping to a car than to a tram stop.</p>
<h2>Our verdict</h2>
<p>For fresh food, the market was consistently cheaper, sometimes by a wide margin, and in most cases we thought the quality was as good or better. For everything else, the supermarkets won. A mixed shop saved us £2.36 on this basket, or a little over £120 over a year.</p>
<p>Full prices for every item are listed in <a href="https://porthalden-chronicle.example/data/basket">our published data</a>.</p>
"""),
        "lead_photo": "market-saltmarsh-market",
        "photos": [
            {"photo": "market-night-market", "after_paragraph": 4, "caption": ""},
            {
                "photo": "street-cobble-row",
                "after_paragraph": 8,
                "caption": "Two of the supermarkets in our comparison are a short walk from Cobble Row.",
            },
        ],
        "hours_ago": 410,
        "updated_hours_ago": 400,
        "status": "published",
        "related": ["saltmarsh-market-rent-reprieve", "saltmarsh-night-market-returns"],
    },
    {
        "headline": "Harbour Authority weighs sale of Eastquay warehouses",
        "slug": "eastquay-warehouses-sale",
        "standfirst": "Four Victorian bonded warehouses could be sold to fund the new quay wall, according to board papers.",
        "section": "business",
        "authors": ["priya-vennard"],
        "credit_line": "",
        "tags": ["Harbour Authority", "Property"],
        "body": _body("""
<p>The Harbour Authority is considering selling four Victorian bonded warehouses at Eastquay to help pay for the new quay wall needed for its expansion, according to board papers seen by the Chronicle.</p>
<p>The warehouses, which are listed, have been used for storage since the 1990s. An internal valuation puts them at between £11m and £14m.</p>
<h2>Still to confirm</h2>
<p>[Waiting for the authority's response. Check whether the listing restricts conversion to flats, and ask the council's conservation officer.]</p>
"""),
        "lead_photo": None,
        "photos": [
            {"photo": "construction-old-quay-site", "after_paragraph": 2, "caption": ""},
        ],
        "hours_ago": 4,
        "updated_hours_ago": None,
        "status": "draft",
        "related": ["container-volumes-record-berth-7"],
    },
    # ----------------------------------------------------------------- Sport
    {
        "headline": "Athletic come from two down to beat Marrowby Town 3-2 in the coastal derby",
        "slug": "athletic-beat-marrowby-3-2",
        "standfirst": "Tobi Marchetti-Lamb scored twice in the last twenty minutes as the Gulls moved into the play-off places for the first time this season.",
        "section": "sport",
        "authors": ["elias-fenwright"],
        "credit_line": "",
        "tags": ["Port Halden Athletic", "Football", "Eastquay Stadium"],
        "body": _body("""
<p>For seventy minutes this looked like another afternoon to forget against Marrowby Town. Then Tobi Marchetti-Lamb, who had barely touched the ball, scored twice in eleven minutes, and Eastquay Stadium made a noise it has not made in years.</p>
<p>Port Halden Athletic's 3-2 win, their first over their neighbours since 2021, lifts them to sixth in the table, into the play-off places for the first time this season. A crowd of 17,906, the biggest at Eastquay since the stadium was redeveloped, saw it.</p>
<h2>Two goals down</h2>
<p>Marrowby were the better side for most of the first hour. Their captain, Lewin Ashdown, headed in a corner after nine minutes, and when Femi Castellanos ran clear to make it 2-0 just before half-time, the away end was singing about the title.</p>
<p>Athletic's manager, Dana Kettering, made two changes at the break, bringing on the winger Rafe Nightingale and switching to a back three. "We were too polite in the first half," Kettering said afterwards. "I told them at half-time that nobody would remember a respectable defeat. Go and lose it properly or go and win it."</p>
<p>Nightingale's pace began to stretch Marrowby's defence, and on 64 minutes his cross was turned in at the near post by captain Ruairi Stenhouse.</p>
<h2>Marchetti-Lamb's eleven minutes</h2>
<p>The equaliser came on 77 minutes. Marchetti-Lamb, who had not scored in six games, collected a loose ball on the edge of the area and curled it into the top corner with his weaker left foot. On 88 minutes he got the winner, sliding in at the back post to meet Nightingale's low cross after a move that started with goalkeeper Arno Vesterby's quick throw.</p>
<p>"I have been waiting for that for a month," Marchetti-Lamb said. "The first one I just hit and hoped. The second one was all Rafe. I only had to be there."</p>
<p>Marrowby's manager, Stellan Brooke, said his side had been "naive" in the last twenty minutes. "At 2-0 you have to manage the game," he said. "We tried to score a third and left ourselves open. That is on me as much as the players."</p>
<p><strong>Port Halden Athletic:</strong> Vesterby; Okafor-Reid, Stenhouse, Lindqvist-Moore, Dace; Mbatha, Quayle (Nightingale 46), Harrower; Sandoval (Pike 46), Marchetti-Lamb, Orme (Halloran 82).</p>
<p><strong>Marrowby Town:</strong> Kestrel; Fairbairn, Ashdown, Drummond, Ives; Ocampo, Westergaard, Rudd (Pell 80); Castellanos, Tennant, Loxley (Gibb 75).</p>
"""),
        "lead_photo": "stadium-eastquay-matchday",
        "photos": [
            {
                "photo": "stadium-floodlights",
                "after_paragraph": 6,
                "caption": "The floodlights were on by the time Marchetti-Lamb scored the winner.",
            },
        ],
        "hours_ago": 14,
        "updated_hours_ago": 11,
        "status": "published",
        "related": ["kettering-squad-can-go-up", "athletic-carrow-vale-cup-preview"],
    },
    {
        "headline": 'Kettering: "This squad is good enough to go up"',
        "slug": "kettering-squad-can-go-up",
        "standfirst": "A year after taking over a side in the relegation zone, Port Halden Athletic's manager talks about rebuilding the club, her academy plans and the January transfer window.",
        "section": "sport",
        "authors": ["elias-fenwright"],
        "credit_line": "",
        "tags": ["Port Halden Athletic", "Football"],
        "body": _body("""
<p>When Dana Kettering arrived at Port Halden Athletic last November, the club was second from bottom, had lost seven games in a row and had just sold its top scorer. Twelve months on, the Gulls are two points off the play-off places and Kettering believes they can be promoted.</p>
<p>"I would not say it if I did not think it," she said, sitting in a small office under the main stand at Eastquay with a whiteboard of fixtures behind her. "This squad is good enough to go up. Whether we do depends on the next six months, on injuries, on luck. But the ability is there."</p>
<h2>Rebuilding the dressing room</h2>
<p>Kettering, 44, played more than 200 games as a defender before coaching at three clubs, most recently as assistant manager at Carrow Vale. She is the first woman to manage a men's professional club in the region.</p>
<p>She says her first task was not tactics but trust. "The players had stopped believing that anything they did made a difference," she said. "So we made small things matter. Training starts on time. Everyone eats together. If you are dropped, I tell you why, to your face, before the team sheet goes up."</p>
<p>Captain Ruairi Stenhouse said the change had been obvious within weeks. "She is honest, sometimes brutally," he said. "But you always know where you stand, and that is rarer in football than it should be."</p>
<h2>The academy and the January window</h2>
<p>Kettering has pushed for more young players to be given chances. Four academy graduates have made their league debuts this season, and the club is applying to upgrade its academy, which would mean a new indoor pitch at the training ground in Fennick.</p>
<p>"A club this size cannot buy its way up," she said. "We have to grow players and sell some of them. The boys in our academy are from Saltmarsh and Brackwater and Lantern Hill. If they see a path into the first team, they stay."</p>
<p>On January, she is cautious. The club's owners have said there will be money for one or two signings, and Kettering wants a centre-forward to share the load with Tobi Marchetti-Lamb. "Tobi cannot play 46 games at that intensity," she said. "We need someone who can come in and score when he is tired. But I will not sign a player just to sign a player."</p>
<p>Asked what promotion would mean, she pauses. "For the city? More than people outside understand. For me? I will tell you if it happens."</p>
"""),
        "lead_photo": "portrait-club-manager",
        "photos": [
            {
                "photo": "stadium-floodlights",
                "after_paragraph": 4,
                "caption": "Average attendances at Eastquay are up by 2,300 this season.",
            },
        ],
        "hours_ago": 70,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["athletic-beat-marrowby-3-2", "eastquay-safe-standing-approved"],
    },
    {
        "headline": "Halden Harriers row to first regional title in 31 years",
        "slug": "halden-harriers-regional-title",
        "standfirst": "The club's women's eight won by two lengths on the river Hald, in a boat paid for by a fundraising campaign among members.",
        "section": "sport",
        "authors": ["elias-fenwright"],
        "credit_line": "",
        "tags": ["River Hald", "Charity", "Old Quay"],
        "body": _body("""
<p>Halden Harriers Rowing Club won the regional championship for the first time in 31 years on Sunday, after its women's eight beat crews from six clubs on a cold, choppy course on the river Hald.</p>
<p>The Harriers finished two lengths clear of Marrowby Rowing Club in the final, covering the 2,000-metre course from the Brackwater Bridge to the Old Quay steps in 6 minutes 52 seconds, with a tide running against them for most of the race.</p>
<p>Points from the club's junior and veteran crews, who won three further events, were enough to give the Harriers the overall title.</p>
<h2>A boat bought by bake sales</h2>
<p>The winning crew raced in a new boat, the <em>Alderney Fenn</em>, named after the club's longest-serving coach, who died last year at the age of 88. The £38,000 boat was bought after an eighteen-month fundraising campaign that included sponsored rows, a quiz night, and a bake sale that raised £4,200 in a single weekend.</p>
<p>"Alderney coached most of the people in that boat, and most of their parents," said the club's captain, Sigrun Abernethy-Osei, who rowed at stroke. "Crossing the line in a boat with her name on it, with her grandchildren on the bank, is something I will never forget."</p>
<h2>Growing the club</h2>
<p>Membership of the Harriers has grown from 140 to 310 in five years, helped by a learn-to-row scheme for adults and a partnership with four state secondary schools. About a third of the club's junior members had never been in a boat before joining the schools programme.</p>
<p>Head coach Nikolai Ferreira-Dunn said the success showed what a small club could do. "We train in the dark, in the cold, in a river that has ships in it," he said. "Our rowers get up at half past five to be on the water before work. This title belongs to every one of them."</p>
<p>The club is now raising money to repair its boathouse, a Grade II-listed building below Old Quay that flooded during last winter's storms. It has launched an appeal for £120,000.</p>
<p>The Harriers' women's eight will represent the region at the national championships in July.</p>
"""),
        "lead_photo": "harbour-cranes-dawn",
        "photos": [
            {
                "photo": "skyline-old-quay-dusk",
                "after_paragraph": 3,
                "caption": "The course finishes at the Old Quay steps, below the city's office towers.",
            },
        ],
        "hours_ago": 150,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["half-marathon-course-record"],
    },
    {
        "headline": "Safe-standing section approved for Eastquay Stadium's north stand",
        "slug": "eastquay-safe-standing-approved",
        "standfirst": "Around 2,800 rail seats will be installed over the summer, after the council's licensing committee backed the plan unanimously.",
        "section": "sport",
        "authors": ["elias-fenwright", "callum-ashby"],
        "credit_line": "",
        "tags": ["Eastquay Stadium", "Port Halden Athletic", "Planning"],
        "body": _body("""
<p>Port Halden Athletic will install a safe-standing section for around 2,800 supporters in the north stand at Eastquay Stadium next summer, after the city council's licensing committee approved the plan.</p>
<p>The section will use rail seats, which have a barrier in front of every row and a seat that folds up so fans can stand. The seats can be locked down for matches where standing is not allowed, such as some cup games.</p>
<p>The committee voted unanimously in favour after hearing evidence from the club, the police and the city's safety advisory group.</p>
<h2>"Fans are standing anyway"</h2>
<p>The club's chief executive, Hollis Mbeki-Strand, told the committee that supporters in the north stand already stood for most of every match. "The question is not whether people stand," he said. "It is whether they stand in front of a seat that catches them behind the knees, or behind a rail at waist height designed for the purpose. We think the answer is obvious."</p>
<p>Superintendent Carys Dunleavy, who leads policing at Eastquay, said the police supported the plan. "The evidence from grounds that have installed rail seating is that it reduces injuries and reduces the number of confrontations between stewards and fans asking people to sit down," she said.</p>
<p>The project will cost around £1.1m, which the club will pay for from its own funds. It will reduce the capacity of the north stand by around 150, but the club says it will make up the difference with a small increase in the family stand.</p>
<h2>What supporters said</h2>
<p>The Gulls Supporters' Trust, which has campaigned for safe standing since 2018, welcomed the decision. A survey of its 3,400 members found that 81% wanted a standing area, and 64% said they would move seats to be in one.</p>
<p>"This is a great day for the atmosphere at Eastquay," said the trust's chair, Perpetua Lindgren. "Anyone who was here for the promotion run-in in 2019 knows what this ground sounds like when it is loud. Safe standing will help make that happen every week."</p>
<p>Season ticket holders in the north stand will be offered the choice of moving into the new section or to a seat elsewhere. Work is due to start after the last home game of the season.</p>
"""),
        "lead_photo": "stadium-floodlights",
        "photos": [
            {
                "photo": "chamber-council-vote",
                "after_paragraph": 3,
                "caption": "The licensing committee met in the Guildhall chamber.",
            },
        ],
        "hours_ago": 230,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["kettering-squad-can-go-up", "athletic-beat-marrowby-3-2"],
    },
    {
        "headline": "Port Halden half marathon: 6,400 runners and a new course record",
        "slug": "half-marathon-course-record",
        "standfirst": "Kenyan-born city resident Wanjiru Halvorsen took almost a minute off the women's record, and the race raised more than £850,000 for charity.",
        "section": "sport",
        "authors": ["elias-fenwright", "jonah-pietersz"],
        "credit_line": "",
        "tags": ["Westcliff", "Charity", "Port Halden General Hospital"],
        "body": _body("""
<p>More than 6,400 runners took part in the Port Halden half marathon on Sunday, the largest field in the race's 27-year history, and the women's course record fell by almost a minute.</p>
<p>Wanjiru Halvorsen, who was born in Kenya and moved to Port Halden in 2016 to study at the university, won the women's race in 1 hour 11 minutes 48 seconds, 56 seconds faster than the previous record set in 2014. The men's race was won by Owain Castellari of Carrow Vale Athletic Club in 1:04:31.</p>
<h2>A record on a windy day</h2>
<p>Conditions were far from ideal, with a headwind of around 15mph along the seafront section between the five- and eight-mile markers. Halvorsen ran most of the race alone after pulling away from the leading group on the climb up Lantern Hill.</p>
<p>"I did not look at the watch after ten kilometres," she said. "I knew if I looked and saw I was slow into the wind, it would get into my head. So I just ran, and when I turned onto the promenade and saw the clock, I could not believe it."</p>
<p>Halvorsen, who works as a physiotherapist at Port Halden General Hospital, trains before her shifts, often on the same seafront where she set the record. "People at work tease me that they see me running past the windows at six in the morning," she said.</p>
<h2>Behind the medals</h2>
<p>The race's organisers estimate that runners raised more than £850,000 for charity, with the hospital's children's ward, the lifeboat station and a local dementia charity among the biggest beneficiaries.</p>
<p>The race's medical team treated 94 runners, most for blisters, cramp and minor falls. Eleven were taken to the first-aid tent at the finish with exhaustion and two were taken to hospital as a precaution. Both were discharged the same day. Dr Imran Fairweather-Obi, the race's medical director, said the numbers were in line with previous years. "The wind made it a hard day but people paced themselves sensibly," he said.</p>
<p>The route, which starts in Brackwater and finishes on the Westcliff promenade, closed 14 miles of roads for up to five hours. The council received 37 complaints about the closures, fewer than last year.</p>
<p>Entries for next year's race open on 1 February. The organisers say they will cap the field at 7,000.</p>
"""),
        "lead_photo": "beach-westcliff-sands",
        "photos": [
            {
                "photo": "park-brackwater-green",
                "after_paragraph": 2,
                "caption": "The course starts beside Brackwater Green.",
            },
            {
                "photo": "street-cobble-row",
                "after_paragraph": 6,
                "caption": "Spectators lined Cobble Row at the ten-mile mark.",
            },
        ],
        "hours_ago": 420,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["halden-harriers-regional-title"],
    },
    {
        "headline": "Preview: Athletic face unbeaten Carrow Vale in the cup fourth round",
        "slug": "athletic-carrow-vale-cup-preview",
        "standfirst": "Dana Kettering returns to the club where she learned to coach, with a place in the last sixteen at stake.",
        "section": "sport",
        "authors": ["elias-fenwright"],
        "credit_line": "",
        "tags": ["Port Halden Athletic", "Football"],
        "body": _body("""
<p>Port Halden Athletic travel to Carrow Vale on Saturday for a fourth-round cup tie against the only unbeaten side in the division above them, with a place in the last sixteen for the first time since 1998 at stake.</p>
<p>It will be an emotional afternoon for Dana Kettering, who spent four years as Carrow Vale's assistant manager before taking over at Eastquay. "I know every corner of that training ground and most of the people who work there," she said. "For ninety minutes, none of that matters."</p>
<h2>Team news</h2>
<p>Athletic will be without defender Joss Okafor-Reid, who is suspended after picking up his fifth booking of the season against Marrowby. Rafe Nightingale, whose introduction at half-time turned that game, is expected to start on the left.</p>
<p>Tobi Marchetti-Lamb, who scored twice against Marrowby, has trained fully all week after a minor ankle knock. Kettering said he would play "unless he falls down the stairs on Friday".</p>
<p>Kettering is expected to keep the back three that turned the Marrowby game, with Ruairi Stenhouse in the middle and the 19-year-old academy graduate Noah Penrose-Achebe, who has impressed in training, likely to make his first senior start in place of Okafor-Reid. "He is ready," Kettering said. "He has been ready for a month. I just needed the right game, and a cup tie away at the best side in the league above us feels about right."</p>
<p>Carrow Vale have won eleven and drawn six of their seventeen league games this season and have conceded only nine goals. Their manager, Auden Whitcombe, said he expected a hard game. "Port Halden are the form team in their division," he said. "They have a manager who knows exactly how we play, because she helped build it."</p>
<h2>The numbers</h2>
<ul>
<li>Athletic have won only one of their last nine away games against sides from a higher division.</li>
<li>The last meeting between the clubs, a pre-season friendly in July, finished 1-1.</li>
<li>Athletic have sold their full away allocation of 2,100 tickets.</li>
<li>A win would be worth £180,000 in prize money, roughly the cost of the club's academy for four months.</li>
</ul>
<p>Kick-off is at 3pm. The Chronicle will have live updates from the ground, and Elias Fenwright's match report will be online shortly after the final whistle.</p>
"""),
        "lead_photo": "stadium-eastquay-matchday",
        "photos": [
            {
                "photo": "portrait-club-manager",
                "after_paragraph": 2,
                "caption": "Dana Kettering spent four years on the coaching staff at Carrow Vale.",
            },
        ],
        "hours_ago": -20,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["athletic-beat-marrowby-3-2", "kettering-squad-can-go-up"],
    },
    # --------------------------------------------------------------- Culture
    {
        "headline": "Chinese-language film week opens with 《潮汐之间》 at the Alcove Cinema",
        "slug": "chinese-film-week-opens",
        "standfirst": "Eighteen films from five countries and regions will be shown over nine days, most of them for the first time in the country, with subtitles in English.",
        "section": "culture",
        "authors": ["sofia-calloway"],
        "credit_line": "",
        "tags": ["Arts", "Film", "Festivals"],
        "body": _body("""
<p>Port Halden's first festival of Chinese-language cinema opened last night at the Alcove Cinema with a sold-out screening of 《潮汐之间》 (<em>Between the Tides</em>), a quiet, beautifully shot drama about a fishing family on a small island whose children have all moved to the city.</p>
<p>The nine-day festival, part of the wider Halden Film Festival programme, features 18 films in Mandarin, Cantonese, Hokkien and Taiwanese, from directors working in five countries and regions. Fourteen have never been shown in a cinema in this country before.</p>
<h2>A harbour city's story on screen</h2>
<p>The festival's curator, Dr Lin Meixiu, who teaches film at the University of Port Halden, said she had chosen the opening film because it spoke to audiences on both sides of the world. "It is a story about a port, about people who leave and people who stay," she said. "Port Halden knows that story very well."</p>
<p>The film's director, Guo Shanlan, introduced last night's screening by video link and took questions from the audience afterwards. Asked why she had chosen to work almost entirely with non-professional actors, she said the island's residents "already knew how to be still in front of the sea, which is something you cannot teach".</p>
<p>Orla Quennell, the director of the Halden Film Festival, said the week had been two years in the planning. "We have a large Chinese-speaking community in this city, at the university, in business, in families who have been here for three generations," she said. "Until now we had never given them a festival of their own, and we had never given everyone else the chance to see these films."</p>
<h2>What else is showing</h2>
<p>Highlights of the programme include:</p>
<ul>
<li>《夜市》 (<em>Night Market</em>), a comedy set over a single night at a street-food market, with a free outdoor screening on the Old Quay steps on Saturday;</li>
<li>a restored print of a 1960s Cantonese musical, accompanied by a talk from a film archivist;</li>
<li>a programme of eight short films by students from the university's film school;</li>
<li>a family screening of an animated feature, dubbed into English, on Sunday morning.</li>
</ul>
<p>Tickets cost £9, or £6 for students and under-18s, and can be booked through <a href="https://alcovecinema.example/chinese-film-week">the Alcove Cinema's website</a>. Around a third of screenings have already sold out.</p>
<p>The festival runs until Sunday week. If it succeeds, the organisers hope to make it an annual event.</p>
"""),
        "lead_photo": "stage-film-week-screen",
        "photos": [
            {"photo": "portrait-festival-director", "after_paragraph": 5, "caption": ""},
            {
                "photo": "skyline-old-quay-dusk",
                "after_paragraph": 8,
                "caption": "An outdoor screening will take place on the Old Quay steps on Saturday evening.",
            },
        ],
        "hours_ago": 20,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["harbour-hall-reopens", "review-the-salt-year-lantern-theatre"],
    },
    {
        "headline": "Harbour Hall reopens after £18m restoration with a sold-out gala",
        "slug": "harbour-hall-reopens",
        "standfirst": "The 1,900-seat concert hall, closed for three years, has new seats, a rebuilt organ and acoustics that musicians are already calling the best in the region.",
        "section": "culture",
        "authors": ["sofia-calloway"],
        "credit_line": "",
        "tags": ["Arts", "Music", "Heritage"],
        "body": _body("""
<p>Harbour Hall reopened on Saturday night after a three-year, £18m restoration, with a gala concert by the Port Halden Symphony Orchestra that ended with a standing ovation lasting several minutes.</p>
<p>The hall, built in 1911 with money raised by the city's shipowners, closed in 2023 after inspectors found problems with its roof and its electrical wiring. The restoration has repaired the roof, replaced all 1,900 seats, rebuilt the organ and installed lifts to every level for the first time.</p>
<h2>A new sound</h2>
<p>The biggest change is one that audiences will hear rather than see. Acoustic engineers lowered a series of curved timber reflectors above the stage, and replaced a 1970s carpet with oak floorboards, to bring back what the hall's director, Cressida Halloway-Ng, called "the bloom that the old recordings had".</p>
<p>"We listened to recordings made here in the 1930s and you could hear a warmth that had gone," she said. "It turned out that a lot of it had been soaked up by carpet and curtains added in the seventies. Take them out and the hall sings again."</p>
<p>The orchestra's principal conductor, Aurelio Vandermeer, said the difference was striking. "In the old hall, the strings had to work hard to reach the back of the balcony," he said. "Tonight they played quietly and every note arrived. Musicians will want to come here."</p>
<h2>The gala</h2>
<p>The programme opened with a new fanfare commissioned from Port Halden-born composer Esmée Tregarthen, written for the hall's rebuilt organ and the orchestra's brass section. The evening ended with a symphony the orchestra first played in the hall on its opening night 115 years ago.</p>
<p>Among the audience were 200 people who had won tickets in a public ballot, as well as the families of the craftspeople who had worked on the building. The hall's restoration employed 64 apprentices, including plasterers, joiners and organ builders.</p>
<p>The first season, which runs until July, includes 140 events, from orchestral concerts and jazz to comedy and a series of free Sunday lunchtime recitals by students from the university's music department. Around 40% of tickets for the season have already been sold.</p>
<p>The hall will hold two open days next month, when visitors can tour the building, see the organ up close and go behind the scenes. Places can be booked on <a href="https://harbourhall.example/open-days">the hall's website</a>.</p>
"""),
        "lead_photo": "stage-harbour-hall",
        "photos": [
            {
                "photo": "skyline-old-quay-dusk",
                "after_paragraph": 4,
                "caption": "Harbour Hall stands on the riverfront between Old Quay and the Customs House.",
            },
            {
                "photo": "street-cobble-row",
                "after_paragraph": 8,
                "caption": "Restaurants on nearby Cobble Row reported their busiest Saturday of the year.",
            },
        ],
        "hours_ago": 60,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["review-the-salt-year-lantern-theatre", "chinese-film-week-opens"],
    },
    {
        "headline": "University puts 19th-century shipyard drawings online for the first time",
        "slug": "shipyard-drawings-online",
        "standfirst": "More than 6,000 plans from the Hald Shipbuilding Company, some over eight metres long, have been scanned and can now be searched by name, date and type of ship.",
        "section": "culture",
        "authors": ["sofia-calloway", "jonah-pietersz"],
        "credit_line": "",
        "tags": ["University of Port Halden", "Heritage", "River Hald"],
        "body": _body("""
<p>More than 6,000 technical drawings from the Hald Shipbuilding Company, which built ships on the river Hald for more than a century, have been put online by the University of Port Halden's special collections.</p>
<p>The drawings, dating from 1852 to 1961, include plans for fishing boats, steam ferries, lighthouse tenders and cargo ships, as well as the yard's own cranes and sheds. Some are more than eight metres long and had to be scanned in sections and stitched together by computer.</p>
<h2>A three-year project</h2>
<p>The collection was given to the university in 1974, when the shipyard's last owners closed its drawing office. For decades it was stored in plan chests in the basement of the Marlow Library, available only to researchers who made an appointment.</p>
<p>A team of four conservators and a photographer spent three years cleaning, flattening and scanning the drawings, many of which are on linen or fragile tracing paper. The project was funded by a £640,000 grant from a national heritage fund.</p>
<p>"Some of these drawings had not been unrolled since the 1950s," said the project's lead conservator, Dr Beatrix Oduya. "You open one and you find a draughtsman's pencil note in the margin, or a thumbprint in the ink, and you are suddenly standing next to the person who made it."</p>
<h2>What people can find</h2>
<p>The online catalogue can be searched by ship name, date, type of vessel and the name of the draughtsman. Each drawing can be zoomed in to a level of detail where individual rivets are visible.</p>
<p>Among the highlights are the plans for the <em>Countess of Hald</em>, a paddle steamer that ran between Port Halden and the Skerry Isles from 1887 until 1931, and a set of drawings for a lifeboat that was never built, dated September 1939.</p>
<p>Family historians are expected to be among the biggest users. The drawings carry the initials of more than 300 draughtsmen, and the university has started matching them to the shipyard's wage books, which are also in the collection.</p>
<p>"People in this city often say their grandfather worked at the yard," said Professor Adaeze Linwood, the university's vice-chancellor. "Now, in some cases, they will be able to see his handwriting."</p>
<p>The collection can be explored at <a href="https://special-collections.porthalden-university.example/shipyard">the university's special collections website</a>. A free exhibition of twenty of the original drawings opens at the Marlow Library in March.</p>
"""),
        "lead_photo": "campus-library-lawn",
        "photos": [
            {
                "photo": "harbour-cranes-dawn",
                "after_paragraph": 4,
                "caption": "Shipbuilding on the river ended in 1961, but the port's cranes still dominate the skyline downstream.",
            },
        ],
        "hours_ago": 190,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["cobble-row-shopfronts-restored", "halden-harriers-regional-title"],
    },
    {
        "headline": 'Review: "The Salt Year" at the Lantern Theatre is a quiet triumph',
        "slug": "review-the-salt-year-lantern-theatre",
        "standfirst": "A new play about three generations of women running a harbourside café rewards patience, with a central performance that will stay with you for days.",
        "section": "culture",
        "authors": ["sofia-calloway"],
        "credit_line": "",
        "tags": ["Arts", "Theatre", "Lantern Hill"],
        "body": _body("""
<p><strong>The Salt Year</strong>, Lantern Theatre, Port Halden, until 17 January. Four stars.</p>
<p>Not much happens in the first twenty minutes of <em>The Salt Year</em>. A café opens for the day. Tables are wiped. A radio plays the shipping forecast. A woman in her seventies, Nan, argues with her granddaughter about the right way to fold a napkin. And yet by the interval, you realise you have been told everything you need to know about these three women, and you cannot take your eyes off them.</p>
<h2>Three women, one café</h2>
<p>Playwright Marisol Achterberg's new play follows a year in the life of a café on a harbour very like Port Halden's, run by Nan, her daughter Bethan and Bethan's daughter, Cass. The harbour is changing: the fishing boats are fewer, the new flats across the water have a coffee shop of their own, and a developer wants to buy the building.</p>
<p>Achterberg, who grew up above her family's chip shop in Lantern Hill, writes dialogue that sounds overheard rather than written. The arguments are about rotas and recipes, but underneath them run older quarrels about who stayed, who left, and who was left to cope.</p>
<h2>A performance to remember</h2>
<p>As Nan, Winifred Oyelowo-Strand gives the performance of the season. She barely raises her voice, but a single pause before she answers the developer's offer holds the whole theatre. Her final scene, alone in the café after closing, told almost without words, drew audible sobs on the night I saw it.</p>
<p>There is strong support from Delphine Aske as Bethan, brittle and funny, and Tallulah Osgood as Cass, whose restlessness is never allowed to become a cliché. Only the developer, played by Rupert Kinsale, feels underwritten, a plot function rather than a person.</p>
<p>Designer Hamish Oyediran's set, a café interior with a long window onto a painted sea, changes subtly with the seasons: steam on the glass in winter, a fan whirring in summer. Director Yasmin Eldridge paces the evening with confidence, trusting silences that a less certain production would fill.</p>
<p>At two hours and forty minutes including an interval, the play is perhaps twenty minutes too long, and the second act takes a while to find its rhythm. But this is a rare thing: a new play about ordinary people, set in a city like ours, that takes them completely seriously. Go.</p>
<p>Tickets from £14. The theatre offers £5 tickets for under-26s at every performance.</p>
"""),
        "lead_photo": "stage-harbour-hall",
        "photos": [
            {
                "photo": "street-lantern-hill-night",
                "after_paragraph": 2,
                "caption": "The playwright grew up above her family's chip shop in Lantern Hill.",
            },
        ],
        "hours_ago": 280,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["harbour-hall-reopens"],
    },
    {
        "headline": "Night market returns to Saltmarsh with 60 food stalls and live music",
        "slug": "saltmarsh-night-market-returns",
        "standfirst": "The monthly market, cancelled in 2022 because of rising costs, is back in the covered hall and the streets around it until 11pm.",
        "section": "culture",
        "authors": ["sofia-calloway", "aoife-lindqvist"],
        "credit_line": "",
        "tags": ["Saltmarsh Market", "Festivals", "Music", "Night-time economy"],
        "body": _body("""
<p>The Saltmarsh night market returned on Friday after an absence of almost three years, with 60 food stalls, four live bands and an estimated 8,000 visitors filling the market hall and the streets around it until 11pm.</p>
<p>The market was a fixture of Port Halden's calendar from 2014 until 2022, when it was cancelled because of the rising cost of security, cleaning and insurance. It has been revived by a partnership between the city council, the Saltmarsh Traders' Association and a community interest company set up by three of the original organisers.</p>
<h2>Food from around the city</h2>
<p>Stalls this year include dumplings, jollof rice, Portuguese custard tarts, Sri Lankan hoppers, Halden crab rolls and vegan doughnuts, with more than half of the traders based within two miles of the market. Fourteen stalls are run by businesses trading for the first time, who were offered pitches at a reduced rate.</p>
<p>"This is where we started," said Meseret Alemu-Hart, who runs a stall selling Ethiopian coffee and now has a café on Ropewalk Street. "In 2017 we had one table and a kettle. Coming back here, it felt like coming home."</p>
<p>Live music came from a stage at the hall's north end, where the evening's headliners, a six-piece folk band from Brackwater, played to a crowd that filled the hall's central aisle.</p>
<h2>Keeping it going</h2>
<p>The organisers say each market costs around £28,000 to run, and that pitch fees cover about two-thirds of that. The rest comes from a grant from the council's events budget and from sponsorship.</p>
<p>"The old market stopped because the sums did not add up," said organiser Kit Abernethy. "We have built this one so it can pay its way within two years, with or without the grant. That means keeping it simple and keeping it local."</p>
<p>Residents on nearby streets have been offered free parking permits for market nights, and the organisers have hired 24 stewards and paid for the streets to be cleaned by 7am the next morning, after complaints about litter at the old market.</p>
<p>The next night market takes place on the second Friday of next month, from 5pm to 11pm. Entry is free.</p>
"""),
        "lead_photo": "market-night-market",
        "photos": [
            {
                "photo": "stage-harbour-hall",
                "after_paragraph": 5,
                "caption": "Live music on the stage at the north end of the market hall.",
            },
            {
                "photo": "market-saltmarsh-market",
                "after_paragraph": 8,
                "caption": "By day, the same hall houses the weekday market's 86 stalls.",
            },
        ],
        "hours_ago": 500,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["saltmarsh-market-rent-reprieve", "brackwater-brewery-expands"],
    },
    # ------------------------------------------------------- Special Reports
    {
        "headline": "The long wait: inside Port Halden General's emergency department",
        "slug": "port-halden-general-emergency-department",
        "standfirst": "One in five patients now waits more than twelve hours to be admitted or sent home. We spent a night with the staff, and obtained the figures that show how the delays have grown.",
        "section": "special-reports",
        "authors": ["jonah-pietersz", "ines-harrowgate"],
        "credit_line": "",
        "tags": ["Health", "Port Halden General Hospital", "Investigation"],
        "body": _body("""
<p>At 2.40am on a Tuesday, every one of the 38 cubicles in the emergency department at Port Halden General Hospital is full. Eleven patients are on trolleys in the corridor. Two ambulances are waiting outside, their crews unable to hand over their patients because there is nowhere to put them.</p>
<p>"This is not a bad night," says Dr Felix Amundsen-Odu, the consultant in charge. "This is a Tuesday."</p>
<p>Over the past three months, the Chronicle has analysed hospital performance data, obtained internal reports under freedom of information rules and interviewed 23 doctors, nurses, paramedics and patients. With the health board's permission, two reporters spent a night shift in the department. This is what we found.</p>
<h2>Twelve hours on a trolley</h2>
<p>The health board's own figures show that in October, 21% of patients who came to the emergency department spent more than twelve hours there before being admitted to a ward or discharged. Three years ago the figure was 6%. The national target is that no patient should wait more than twelve hours.</p>
<p>The longest waits are for older patients who need a hospital bed. In the twelve months to September, 1,460 patients aged over 80 spent more than 24 hours in the department, according to data released to the Chronicle.</p>
<p>One of them was Elspeth Morrow-Kane, 86, who fell at home in Saltmarsh in August and broke her hip. Her son, Anton, said she spent 31 hours on a trolley before a bed was found. "The staff were kind, every one of them," he said. "But my mother lay in a corridor with a broken hip for more than a day. Nobody should have to see that."</p>
<h2>Why the beds are full</h2>
<p>Doctors and managers agree that the problem starts not in the emergency department but on the wards. On the night we visited, 94 of the hospital's 710 beds were occupied by patients who were well enough to leave but were waiting for care at home or a place in a care home.</p>
<p>An internal report to the health board in September, obtained by the Chronicle, describes the situation as "a hospital operating at or above 98% occupancy for 41 consecutive weeks", and warns that "the safety of patients in the emergency department cannot be assured while this continues".</p>
<p>Councillor Layla Brightwater-Sood, who is responsible for adult social care on the city council, said the council was recruiting 60 more home care workers and had opened 24 short-stay beds in a former care home in Fennick. "We know that every person stuck in hospital is a person we should be supporting at home," she said. "The money is tight and the workforce is tighter, but we are moving."</p>
<h2>What the hospital says it will do</h2>
<p>Dr Marguerite Ostrander, chief executive of the Halden Coast Health Board, said the delays were "unacceptable" and apologised to patients who had waited too long. She said the board would open a 28-bed acute medical unit next to the emergency department in the spring, allowing patients to be assessed and treated more quickly, and would run a "discharge lounge" seven days a week from January.</p>
<p>"Our staff are doing extraordinary work in conditions that are often very difficult," she said. "We owe it to them, and to our patients, to fix the flow through the hospital, and that is what these changes are designed to do."</p>
<p>Back in the department at 6am, as the day shift arrives, Dr Amundsen-Odu is still finding beds. Three of the corridor patients have been moved to wards. Four more have arrived by ambulance. "Ask me again in the spring," he says. "I want to believe it will be better."</p>
"""),
        "lead_photo": "hospital-ambulance-bay",
        "photos": [
            {
                "photo": "hospital-general-entrance",
                "after_paragraph": 3,
                "caption": "Port Halden General has 710 beds and serves around 420,000 people across the city and the coast.",
            },
            {
                "photo": "tram-westcliff-stop",
                "after_paragraph": 11,
                "caption": "Many night-shift staff rely on Line 2, which stops outside the hospital.",
            },
        ],
        "hours_ago": 40,
        "updated_hours_ago": 30,
        "status": "published",
        "related": ["night-tram-trial-winter-weekends", "priced-out-students-nurses-smallest-rooms"],
    },
    {
        "headline": "Line 3: how the tram extension went £62m over budget",
        "slug": "line-3-tram-extension-over-budget",
        "standfirst": "Documents show that the risks behind the overspend were known before the contract was signed, and that councillors were not told the full picture for eighteen months.",
        "section": "special-reports",
        "authors": ["ines-harrowgate", "maren-tolland"],
        "credit_line": "",
        "tags": ["Trams", "Line 3", "Fennick", "Investigation", "Council budget"],
        "body": _body("""
<p>When Port Halden City Council approved the Line 3 tram extension in 2022, councillors were told it would cost £148m and open in the summer of 2026. The line is still not open. Its cost now stands at £210m, and Halden Transit says the first passengers will not board until next spring.</p>
<p>Over six months, the Chronicle has examined more than 2,000 pages of council reports, contract documents and internal emails, many obtained under freedom of information law, and spoken to eleven people who worked on the project. Together they show how the overspend built up, and how much of it was foreseen.</p>
<h2>Warnings before the contract was signed</h2>
<p>The 6.4km extension runs from Old Quay to Fennick Park, with nine stops. Much of the route follows old streets in Fennick, where gas, water and telephone pipes and cables lie beneath the road. Moving these utilities is one of the riskiest and most expensive parts of any tram project.</p>
<p>A risk register prepared by the council's own engineers in March 2022, three months before the main contract was signed, rated the chance of "significant unrecorded utilities in the Fennick section" as "high" and estimated that it could add between £18m and £30m to the cost. The budget presented to councillors included a contingency of £9m for all risks on the project.</p>
<p>One former project manager, who asked not to be named because they still work in the industry, said the contingency was "a number chosen to get the scheme through committee, not a number anyone believed". The council disputes this and says the contingency was set in line with government guidance at the time.</p>
<h2>Eighteen months of silence</h2>
<p>By the end of 2023, the project's monthly reports to senior officers showed the forecast cost had risen to £181m. But the quarterly updates given to councillors on the transport scrutiny committee continued to report the cost as "within tolerance" until June 2025, when the figure of £196m was disclosed for the first time.</p>
<p>Emails between senior officers in 2024 show that the wording of the updates was discussed several times. In one, a senior manager wrote that it would be "unhelpful to put a revised number in the public domain before the contractor negotiations are concluded".</p>
<p>Councillor Hester Baird-Nkemelu, who became cabinet member for transport in 2024, said: "Councillors should have been told sooner. I have said that in the chamber and I will say it again here. The way cost information is reported to members has since been completely changed."</p>
<h2>Where the money went</h2>
<p>According to the latest project report, the £62m overspend breaks down as follows:</p>
<ul>
<li><strong>£27m</strong> for moving unrecorded utilities in Fennick, including a Victorian sewer that had to be rebuilt;</li>
<li><strong>£14m</strong> for higher prices for steel, concrete and electrical equipment;</li>
<li><strong>£12m</strong> for delays, including a six-month pause while a design problem with the Fennick Park bridge was resolved;</li>
<li><strong>£9m</strong> for changes requested by the council after the contract was signed, including an extra stop at Tanners Row.</li>
</ul>
<p>The extra costs are being met by borrowing, which will cost the council around £3.1m a year in interest and repayments for the next thirty years. The council says the line will still generate more in fares and economic benefits than it costs, and that passenger forecasts have risen since 2022.</p>
<p>The council has commissioned an independent review of how the project was managed, which is due to report in March. <a href="https://porthalden-chronicle.example/data/line-3-documents">The documents behind this report</a> are published in full.</p>
"""),
        "lead_photo": "tram-line3-test",
        "photos": [
            {
                "photo": "construction-old-quay-site",
                "after_paragraph": 2,
                "caption": "Construction at the Old Quay end of the line, where the extension joins the existing network.",
            },
            {
                "photo": "chamber-budget-debate",
                "after_paragraph": 9,
                "caption": "Councillors on the transport scrutiny committee were told the project was within tolerance until June 2025.",
            },
        ],
        "hours_ago": 110,
        "updated_hours_ago": 100,
        "status": "published",
        "related": ["councillors-meeting-diaries-published", "northgate-by-election-tram", "council-budget-gap-closed"],
    },
    {
        "headline": "Rising water: what the next thirty years hold for the Port Halden seafront",
        "slug": "rising-water-seafront-next-30-years",
        "standfirst": "New modelling shows that 4,300 homes could face regular flooding by 2055 without new defences. We look at the plans, the cost, and who decides which streets are protected.",
        "section": "special-reports",
        "authors": ["ines-harrowgate", "jonah-pietersz"],
        "credit_line": "Modelling data supplied by the University of Port Halden Coastal Research Centre",
        "tags": ["Flooding", "Environment", "Climate", "Investigation"],
        "body": _body("""
<p>The sea wall at Westcliff was built in 1936, and for most of its life it has done its job. But an analysis by the University of Port Halden's Coastal Research Centre, shared exclusively with the Chronicle, suggests that within thirty years it will be overtopped several times every winter unless it is raised.</p>
<p>The modelling, which combines sea level projections with records of storm surges going back to 1953, estimates that 4,300 homes and 610 businesses in Port Halden could be at risk of flooding at least once a year by 2055 if no new defences are built. Today, around 900 homes face that level of risk.</p>
<h2>What the models show</h2>
<p>The centre's director, Professor Torvald Adeyemi-Hansen, said the most important finding was not the rise in average sea level, which is expected to be around 30cm by 2055, but the way that rise changes the odds of extreme events. "A surge that we now expect once in fifty years becomes something we would expect every two or three years," he said. "People tend to think about sea level rise as a slow creep. What they will actually experience is more nights when the water comes over the wall."</p>
<p>The areas most at risk are the lower parts of Lantern Hill, the streets behind the Westcliff promenade, and the Saltmarsh district, much of which is built on land reclaimed from the estuary in the nineteenth century. The new housing planned at Old Quay and on the Brackwater gasworks site will be built with raised ground floors and flood-resilient materials, planning documents show.</p>
<h2>The £310m question</h2>
<p>The city council and the Halden Coast Flood Service have drawn up a draft Coastal Strategy, which will be published for consultation in the new year. A copy seen by the Chronicle sets out three options:</p>
<ol>
<li><strong>Hold the line everywhere:</strong> raise and strengthen all existing defences by up to 1.2 metres, at an estimated cost of £310m over thirty years.</li>
<li><strong>Hold the line in the city, adapt elsewhere:</strong> raise defences along the built-up seafront but allow some undeveloped land at the estuary margins to flood, creating new salt marsh, at an estimated £220m.</li>
<li><strong>Managed realignment:</strong> over time, move some homes and roads back from the most exposed stretches of coast, at a cost that the document says cannot yet be estimated.</li>
</ol>
<p>Only a fraction of the money is currently available. National flood defence grants are awarded according to a formula that favours schemes protecting the most homes per pound spent, which the council fears could leave smaller communities exposed.</p>
<h2>Who gets protected</h2>
<p>That formula worries residents of Gull Cove, a hamlet of 42 homes at the western end of the city's coastline, which the draft strategy identifies as the most expensive place to defend. "We have been told, more or less, that we are not worth saving," said Hilde Fairclough, who has lived in Gull Cove for 38 years. "Nobody has said what happens to us instead."</p>
<p>Councillor Hester Baird-Nkemelu said no decisions had been made. "This is the hardest thing this council will have to plan for in my lifetime," she said. "I want every resident to have their say, and I want the conversation to be honest about the cost and about the choices."</p>
<p>Insurers are already pricing the risk in. Data from a national flood insurance scheme shows that the number of Port Halden households relying on the scheme for cover has risen by 60% in five years.</p>
<p>The consultation on the Coastal Strategy will open in February and run for twelve weeks. Residents can check the flood risk for their own street using the <a href="https://coastal-research.porthalden-university.example/flood-map">Coastal Research Centre's interactive map</a>.</p>
"""),
        "lead_photo": "storm-seafront-waves",
        "photos": [
            {
                "photo": "beach-westcliff-sands",
                "after_paragraph": 4,
                "caption": "Under the most ambitious option, the promenade behind Westcliff Sands would be raised by up to 1.2 metres.",
            },
            {"photo": "storm-lantern-hill-flooding", "after_paragraph": 9, "caption": ""},
        ],
        "hours_ago": 360,
        "updated_hours_ago": None,
        "status": "published",
        "related": [
            "lantern-hill-storm-floods-140-homes",
            "westcliff-sands-keeps-blue-flag",
            "gasworks-site-1200-homes-approved",
        ],
    },
    {
        "headline": "Priced out: the students and nurses sharing Port Halden's smallest rooms",
        "slug": "priced-out-students-nurses-smallest-rooms",
        "standfirst": "Rents for a room in a shared house have risen by 38% in four years. We found people sleeping in converted cupboards, and landlords advertising rooms too small to be legal.",
        "section": "special-reports",
        "authors": ["ines-harrowgate", "aoife-lindqvist"],
        "credit_line": "",
        "tags": ["Housing", "University of Port Halden", "Investigation", "Cost of living", "Lantern Hill"],
        "body": _body("""
<p>The room that Kemi Adesanya rents in Lantern Hill measures 5.9 square metres. There is space for a single bed and a narrow shelf, but not for a chair. To get dressed, she stands on the bed. She pays £540 a month.</p>
<p>Ms Adesanya, 24, is a newly qualified nurse at Port Halden General Hospital. "I work twelve-hour shifts looking after people, and then I come home to a cupboard," she said. "I looked at forty rooms before this one. It was the only one I could afford within a bus ride of the hospital."</p>
<p>Her story is far from unusual. Over four months, the Chronicle analysed more than 3,800 adverts for rooms in shared houses in the city, spoke to 31 tenants and checked the council's licensing records. We found a market under extreme pressure, where the smallest rooms are advertised most often, and where the rules meant to protect tenants are routinely broken.</p>
<h2>Rents up by 38%</h2>
<p>The average advertised rent for a room in a shared house in Port Halden is now £612 a month, up from £443 four years ago, an increase of 38%. Over the same period, the starting salary for a nurse has risen by 17%.</p>
<p>Demand has been driven in part by the growth of the University of Port Halden, which has grown from 19,000 to 24,000 students since 2020, while the number of places in purpose-built student accommodation has risen by only 1,100. The university's vice-chancellor, Professor Adaeze Linwood, acknowledged that the city's housing had not kept up.</p>
<p>"We have been a success story in terms of the students who want to come here, and we should be honest that this has put pressure on the city," she said. "We have 1,400 new beds under construction or in planning, and we will not grow further until they are built."</p>
<h2>Rooms too small to be legal</h2>
<p>National rules say that a room in a licensed shared house used as a bedroom by one adult must be at least 6.51 square metres. Of the 3,800 adverts we examined, 412 gave a room size, and 96 of those were below the legal minimum.</p>
<p>Council records show that around 1,900 shared houses in the city should hold a licence. Only 1,240 do. Since 2022 the council has carried out 210 inspections and issued 14 fines.</p>
<p>Councillor Oluwaseun Harte, who chairs the housing committee, said the council's private housing team had been "stretched well beyond what is reasonable". He said: "We have six officers covering the whole city. We are recruiting four more, and we will be using the Chronicle's findings to target inspections."</p>
<h2>What would help</h2>
<p>Tenants' groups, housing charities and the university's students' union have called for:</p>
<ul>
<li>a public register of licensed shared houses, so tenants can check before they sign;</li>
<li>more council inspectors, paid for by higher licence fees;</li>
<li>homes for key workers in the new developments at Old Quay and Brackwater, with rents linked to local wages.</li>
</ul>
<p>The Brackwater gasworks scheme, due before the planning committee next month, would include 420 homes for social rent. But even if it is approved, the first of those will not be ready until 2028. For Kemi Adesanya, that is too long to wait. "I love this job," she said. "I do not know how long I can afford to do it here."</p>
"""),
        "lead_photo": "campus-university-quad",
        "photos": [
            {
                "photo": "portrait-vice-chancellor",
                "after_paragraph": 6,
                "caption": "Professor Adaeze Linwood says the university will not grow further until new student housing is built.",
            },
            {
                "photo": "construction-housing-frame",
                "after_paragraph": 11,
                "caption": "The first homes at the former Brackwater gasworks are due to be finished next year.",
            },
        ],
        "hours_ago": 600,
        "updated_hours_ago": None,
        "status": "published",
        "related": ["gasworks-site-1200-homes-approved", "port-halden-general-emergency-department"],
    },
]
